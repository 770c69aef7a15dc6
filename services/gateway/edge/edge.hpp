// The outermost middlewares of the gateway, and the decorator of every answer.
//   edge_decorator: every answer the gateway's server writes (those it makes before routing
//     included: malformed requests, oversized headers or bodies) gets the security headers,
//     the CORS headers for an allowed origin and (from the server) X-Request-Id.
//   edge_middleware: the access-log line gets the caller's sub; errors escaping the chain
//     become problem responses here, unexpected ones a bare 500 that leaks nothing.
#pragma once

#include "chassis/http/server.hpp"
#include "services/gateway/edge/cors.hpp"
#include "services/gateway/edge/security_headers.hpp"
#include "services/gateway/proxy/forwarding.hpp"

namespace hotel::observe {
class Logger;
}

namespace hotel::gateway::edge {

// The trusted proxies outlive the decorator.
http::ResponseDecorator edge_decorator(SecurityOptions security, CorsOptions cors,
                                       const proxy::TrustedProxies& trusted);

// The logger outlives the middleware.
http::Middleware edge_middleware(const observe::Logger& logger);

}  // namespace hotel::gateway::edge
