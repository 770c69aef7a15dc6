// The search service: the search read model built from events (query side).
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::search {

inline constexpr int kDefaultPort = 8083;

// Adds the search target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::search
