#include "services/hotels/application/inventory_projection.hpp"

#include "chassis/events/envelope.hpp"
#include "chassis/store/database.hpp"
#include "services/hotels/domain/inventory.hpp"
#include "services/hotels/storage/room_nights.hpp"

namespace hotel::hotels::application {

void InventoryProjection::apply(store::Transaction& tx, const events::Event& event) const {
  if (event.type != domain::kInventoryChanged) return;
  const auto change = domain::parse_inventory_change(event.data, event.subject);
  storage::apply_inventory_change(tx.db(), change, domain::first_open_night(clock_.system_now()));
}

}  // namespace hotel::hotels::application
