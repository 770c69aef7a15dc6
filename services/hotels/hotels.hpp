// The hotels service: hotels, room types, photos and managers (command side).
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::hotels {

inline constexpr int kDefaultPort = 8082;

// Adds the hotels target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::hotels
