#include "services/search/search.hpp"

#include "services/common/feed_service.hpp"

namespace hotel::search {

void append(service::ServiceList& list) {
  list.append("search", kDefaultPort, services::feed_only_service(store::Synchronous::kNormal));
}

}  // namespace hotel::search
