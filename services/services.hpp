// The list of the system's services, in start order. Each service adds itself here explicitly.
#pragma once

#include "chassis/service/service.hpp"

namespace hotel {

void append_all_services(service::ServiceList& list);

}  // namespace hotel
