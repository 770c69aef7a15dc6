// The identity service: the OpenID Connect identity provider (user pool, groups, hosted UI).
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::identity {

inline constexpr int kDefaultPort = 8081;

// Adds the identity target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::identity
