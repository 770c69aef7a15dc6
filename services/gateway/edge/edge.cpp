#include "services/gateway/edge/edge.hpp"

#include "chassis/http/errors.hpp"
#include "chassis/observe/logger.hpp"
#include "services/gateway/edge/caller.hpp"

namespace hotel::gateway::edge {
namespace {

http::Response internal_error(const http::Request& request) {
  return http::problem_response(500, "internal", "Internal Server Error",
                                "the gateway failed to handle the request", request.path,
                                request.context.request_id);
}

}  // namespace

http::Middleware edge_middleware(SecurityOptions security, const proxy::TrustedProxies& trusted,
                                 const observe::Logger& logger) {
  return [security = std::move(security), &trusted, &logger](
             http::Request& request, const http::Route&,
             const http::Handler& next) -> http::Task<http::Response> {
    const bool over_tls = proxy::client_info(request, trusted).proto == "https";
    http::Response response;
    try {
      response = co_await next(request);
    } catch (const http::HttpError& error) {
      response = http::problem_response(error, request.path, request.context.request_id);
    } catch (const std::exception& error) {
      logger.error("unhandled error in the gateway",
                   {{"route", request.route_name}, {"error", std::string(error.what())}},
                   &request.context);
      response = internal_error(request);
    }
    if (auto sub = caller_sub(request); !sub.empty()) request.log_fields.emplace_back("sub", sub);
    add_security_headers(response, over_tls, security);
    co_return response;
  };
}

http::Middleware problem_middleware() {
  return [](http::Request& request, const http::Route&,
            const http::Handler& next) -> http::Task<http::Response> {
    try {
      co_return co_await next(request);
    } catch (const http::HttpError& error) {
      co_return http::problem_response(error, request.path, request.context.request_id);
    }
  };
}

}  // namespace hotel::gateway::edge
