#include "services/hotels/hotels.hpp"

#include "services/common/feed_service.hpp"

namespace hotel::hotels {

void append(service::ServiceList& list) {
  list.append("hotels", kDefaultPort, services::feed_only_service(store::Synchronous::kNormal));
}

}  // namespace hotel::hotels
