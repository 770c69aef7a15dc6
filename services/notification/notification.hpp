// The notification service: e-mails and the local mailbox.
#pragma once

#include "chassis/service/service.hpp"

namespace hotel::notification {

inline constexpr int kDefaultPort = 8086;

// Adds the notification target to the binary's service list.
void append(service::ServiceList& list);

}  // namespace hotel::notification
