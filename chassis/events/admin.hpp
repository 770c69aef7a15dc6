// Operator routes for a consumer's subscriptions (Admin group only):
//   GET  /v1/admin/dead-letters[?subscription=<name>]   parked events, oldest first
//   POST /v1/admin/dead-letters/{id}/replay             applies one through its subscription
//   POST /v1/admin/subscriptions/{name}/reset[?to=<seq>] moves the cursor (0: rebuild)
#pragma once

#include <vector>

#include "chassis/http/router.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::events {

class ConsumerStore;
class Subscription;

// The policy of every admin route.
http::RoutePolicy event_admin_policy();

// `store`, `runtime` and the subscriptions outlive the router.
void add_event_admin_routes(http::Router& router, ConsumerStore& store, core::Runtime& runtime,
                            const std::vector<Subscription*>& subscriptions);

}  // namespace hotel::events
