#include "services/payment/payment.hpp"

#include "services/common/feed_service.hpp"

namespace hotel::payment {

void append(service::ServiceList& list) {
  list.append("payment", kDefaultPort, services::feed_only_service(store::Synchronous::kFull));
}

}  // namespace hotel::payment
