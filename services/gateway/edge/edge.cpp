#include "services/gateway/edge/edge.hpp"

#include <utility>

namespace hotel::gateway::edge {

http::ResponseDecorator edge_decorator(const SecurityOptions& security, CorsOptions cors,
                                       const proxy::TrustedProxies& trusted) {
  return [security = SecurityHeaders(security), cors = std::move(cors), &trusted](
             const http::Request& request, http::Response& response) {
    security.add(response, proxy::came_over_tls(request, trusted));
    add_cors_headers(cors, request, response);
  };
}

}  // namespace hotel::gateway::edge
