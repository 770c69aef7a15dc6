// The outermost middlewares of the gateway.
//   edge_middleware: every answer gets the security headers, and the access-log line gets the
//     caller's sub; errors escaping the chain become problem responses here (so that they get
//     the headers too), unexpected ones a bare 500 that leaks nothing.
//   problem_middleware: turns typed errors thrown further in (auth, rate limits, the proxy)
//     into problem responses, so that the CORS middleware around it can decorate them.
#pragma once

#include "chassis/http/server.hpp"
#include "services/gateway/edge/security_headers.hpp"
#include "services/gateway/proxy/forwarding.hpp"

namespace hotel::observe {
class Logger;
}

namespace hotel::gateway::edge {

// The logger and trusted proxies outlive the middleware.
http::Middleware edge_middleware(SecurityOptions security, const proxy::TrustedProxies& trusted,
                                 const observe::Logger& logger);

http::Middleware problem_middleware();

}  // namespace hotel::gateway::edge
