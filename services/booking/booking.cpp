#include "services/booking/booking.hpp"

#include "services/common/feed_service.hpp"

namespace hotel::booking {

void append(service::ServiceList& list) {
  list.append("booking", kDefaultPort, services::feed_only_service(store::Synchronous::kFull));
}

}  // namespace hotel::booking
