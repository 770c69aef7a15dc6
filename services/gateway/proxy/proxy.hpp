// Relays a request matched by a route-table rule to its upstream service and maps what can go
// wrong on the way to problem responses: breaker open, bulkhead full or no endpoint → 503 with
// Retry-After; the upstream refused the connection or broke the exchange → 502; it did not
// answer within the request's deadline → 504. Details never name an internal address.
#pragma once

#include "chassis/http/router.hpp"
#include "chassis/http/upstream.hpp"
#include "services/gateway/proxy/forwarding.hpp"
#include "services/gateway/routing/route_table.hpp"

namespace hotel::gateway::proxy {

// The rule, upstream and trusted proxies outlive the handler. The request's deadline (the
// route's timeout, or less when the caller asked) bounds every attempt and travels downstream
// as X-Request-Timeout-Ms; X-Request-Id and traceparent travel too.
http::Handler proxy_handler(const routing::RouteRule& rule, http::Upstream& upstream,
                            const TrustedProxies& trusted);

}  // namespace hotel::gateway::proxy
