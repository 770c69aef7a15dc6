#include "services/services.hpp"

#include "services/booking/booking.hpp"
#include "services/gateway/gateway.hpp"
#include "services/hotels/hotels.hpp"
#include "services/identity/identity.hpp"
#include "services/notification/notification.hpp"
#include "services/payment/payment.hpp"
#include "services/search/search.hpp"

namespace hotel {

void append_all_services(service::ServiceList& list) {
  identity::append(list);
  hotels::append(list);
  search::append(list);
  payment::append(list);
  booking::append(list);
  notification::append(list);
  gateway::append(list);
}

}  // namespace hotel
