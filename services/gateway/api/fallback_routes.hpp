// Routes that catch whatever nothing else matched, so that even those answers pass the
// gateway's middleware (security headers, CORS, access log): 404, or 405 with Allow when the
// route table accepts the path with other methods; OPTIONS on a routed path → 204 with Allow.
#pragma once

#include "chassis/http/router.hpp"
#include "services/gateway/routing/route_shape.hpp"

namespace hotel::gateway::api {

// Add after every other route. The shape outlives the router.
void add_fallback_routes(http::Router& router, const routing::RouteShape& shape);

}  // namespace hotel::gateway::api
