#include "services/gateway/proxy/proxy.hpp"

#include "chassis/http/errors.hpp"
#include "services/gateway/proxy/upstreams.hpp"
#include "services/gateway/routing/path_safety.hpp"

namespace hotel::gateway::proxy {
namespace {

// A transport failure, told without the endpoint or the system's error text.
http::HttpError transport_error(const http::ClientError& error, const std::string& service) {
  switch (error.kind()) {
    case http::ClientError::Kind::kTimeout:
      return http::GatewayTimeout("the " + service + " service did not answer in time");
    case http::ClientError::Kind::kConnect:
      return http::HttpError(502, "upstream_unreachable", "Bad Gateway",
                             "the " + service + " service cannot be reached");
    case http::ClientError::Kind::kProtocol:
    case http::ClientError::Kind::kClosed:
      break;
  }
  return http::HttpError(502, "bad_gateway", "Bad Gateway",
                         "the " + service + " service did not give a valid answer");
}

// The call upstream, made (not awaited) here: the outgoing request is built on this function's
// stack and moved into the call's own frame, so that it takes no room in relay's frame, which
// then stays within what Asio recycles instead of going to malloc per request.
http::Task<http::Response> call_upstream(const routing::RouteRule& rule, http::Upstream& upstream,
                                         const TrustedProxies& trusted, http::Request& request) {
  http::Request out;
  out.method = request.method;
  out.method_text = request.method_text;
  out.target = request.target;
  out.headers = upstream_headers(request.headers, client_info(request, trusted));
  out.body = std::move(request.body);
  http::CallOptions options;
  options.timeout = rule.policy.timeout;
  options.context = &request.context;
  options.max_attempts = rule.max_attempts;
  return upstream.send(std::move(out), options);
}

http::Task<http::Response> relay(const routing::RouteRule& rule, http::Upstream& upstream,
                                 const TrustedProxies& trusted, http::Request& request) {
  if (routing::is_internal_path(request.path)) throw http::NotFound("no route for " + request.path);
  routing::require_safe_path(request);
  if (request.access_logged) {
    request.log_fields.reserve(request.log_fields.size() + 3);  // upstream, breaker, sub
    request.log_fields.emplace_back("upstream", rule.service);
  }
  std::optional<http::HttpError> failure;
  std::optional<http::Response> response;
  try {
    response = co_await call_upstream(rule, upstream, trusted, request);
  } catch (const http::Unavailable& error) {
    failure = http::Unavailable(error.retry_after_s().value_or(1),
                                "the " + rule.service + " service is unavailable; try again later",
                                "upstream_unavailable");
  } catch (const http::ClientError& error) {
    failure = transport_error(error, rule.service);
  }
  if (request.access_logged) {
    request.log_fields.emplace_back("breaker", std::string(breaker_summary(upstream)));
  }
  if (failure) throw *failure;
  // The answer to HEAD has no body; its Content-Length is the one a GET would get.
  auto head_length = request.method == http::Method::kHead ? response->headers.get("Content-Length")
                                                           : std::nullopt;
  strip_for_client(response->headers);
  if (head_length) response->headers.set("Content-Length", std::move(*head_length));
  co_return std::move(*response);
}

}  // namespace

http::Handler proxy_handler(const routing::RouteRule& rule, http::Upstream& upstream,
                            const TrustedProxies& trusted) {
  return [&rule, &upstream, &trusted](http::Request& request) {
    return relay(rule, upstream, trusted, request);
  };
}

}  // namespace hotel::gateway::proxy
