// The gateway service: the single public entry: routing, auth, CORS, rate limits, breakers, web UI.
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::gateway {

inline constexpr int kDefaultPort = 8080;

// Adds the gateway target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::gateway
