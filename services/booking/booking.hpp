// The booking service: bookings, room-night inventory and the booking saga.
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::booking {

inline constexpr int kDefaultPort = 8084;

// Adds the booking target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::booking
