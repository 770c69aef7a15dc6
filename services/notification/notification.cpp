#include "services/notification/notification.hpp"

#include "services/common/feed_service.hpp"

namespace hotel::notification {

void append(service::ServiceList& list) {
  list.append("notification", kDefaultPort,
              services::feed_only_service(store::Synchronous::kNormal));
}

}  // namespace hotel::notification
