// The decorator of every answer the gateway's server writes (those it makes before routing
// included: malformed requests, oversized headers or bodies): the security headers, the CORS
// headers for an allowed origin and (from the server) X-Request-Id. Errors escaping the
// middleware chain become problem responses in the server (unexpected ones a bare 500 that
// leaks nothing), and its access-log line names the caller's sub.
#pragma once

#include "chassis/http/server.hpp"
#include "services/gateway/edge/cors.hpp"
#include "services/gateway/edge/security_headers.hpp"
#include "services/gateway/proxy/forwarding.hpp"

namespace hotel::gateway::edge {

// The trusted proxies outlive the decorator.
http::ResponseDecorator edge_decorator(const SecurityOptions& security, CorsOptions cors,
                                       const proxy::TrustedProxies& trusted);

}  // namespace hotel::gateway::edge
