// Booking's inventory events into the hotels service's room_nights projection, which keeps an admin
// from cutting a room type's count below the rooms committed on a night ahead. Runs as the handler
// of the subscription to booking's feed, inside its transaction with the cursor.
#pragma once

#include "chassis/core/clock.hpp"

namespace hotel::events {
struct Event;
}
namespace hotel::store {
class Transaction;
}

namespace hotel::hotels::application {

class InventoryProjection {
 public:
  explicit InventoryProjection(const core::Clock& clock = core::SystemClock::instance())
      : clock_(clock) {}

  // Applies an inventory.changed; other event types are skipped. An event that breaks the
  // contract throws domain::InventoryContractError (the subscription parks it).
  void apply(store::Transaction& tx, const events::Event& event) const;

 private:
  const core::Clock& clock_;
};

}  // namespace hotel::hotels::application
