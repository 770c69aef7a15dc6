#include "services/gateway/edge/edge.hpp"

#include <utility>

namespace hotel::gateway::edge {

http::ResponseDecorator edge_decorator(SecurityOptions security, CorsOptions cors,
                                       const proxy::TrustedProxies& trusted) {
  return [security = std::move(security), cors = std::move(cors), &trusted](
             const http::Request& request, http::Response& response) {
    add_security_headers(response, proxy::came_over_tls(request, trusted), security);
    add_cors_headers(cors, request, response);
  };
}

}  // namespace hotel::gateway::edge
