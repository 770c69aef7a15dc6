// The payment service: payments against a simulated provider.
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::payment {

inline constexpr int kDefaultPort = 8085;

// Adds the payment target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::payment
