// The gateway service: the single public entry: routing, auth, CORS, rate limits, breakers, web UI.
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::gateway {

inline constexpr int kDefaultPort = 8080;

// Adds the gateway target to the binary's service list; it may route to every service listed
// before it.
void append(service::ServiceList& list);

// The gateway service itself, routing to `services` (for tests that host it themselves). Throws
// when the route table cannot be read.
std::unique_ptr<service::Service> make_gateway(service::ServiceContext& context,
                                               std::vector<std::string> services);

}  // namespace hotel::gateway
