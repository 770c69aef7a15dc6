#include "services/identity/identity.hpp"

#include "services/common/feed_service.hpp"

namespace hotel::identity {

void append(service::ServiceList& list) {
  list.append("identity", kDefaultPort, services::feed_only_service(store::Synchronous::kFull));
}

}  // namespace hotel::identity
