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

http::ResponseDecorator edge_decorator(SecurityOptions security, CorsOptions cors,
                                       const proxy::TrustedProxies& trusted) {
  return [security = std::move(security), cors = std::move(cors), &trusted](
             const http::Request& request, http::Response& response) {
    add_security_headers(response, proxy::came_over_tls(request, trusted), security);
    add_cors_headers(cors, request, response);
  };
}

http::Middleware edge_middleware(const observe::Logger& logger) {
  return [&logger](http::Request& request, const http::Route&,
                   const http::Handler& next) -> http::Task<http::Response> {
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
    if (auto sub = caller_sub(request); request.access_logged && !sub.empty()) {
      request.log_fields.emplace_back("sub", std::string(sub));
    }
    co_return response;
  };
}

}  // namespace hotel::gateway::edge
