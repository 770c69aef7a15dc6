// The room_nights projection: rooms held and booked per hotel, room type and night, written from
// booking's inventory.changed events inside the subscription's transaction.
#pragma once

#include <cstdint>

#include "services/hotels/domain/inventory.hpp"

namespace SQLite {
class Database;
}

namespace hotel::hotels::storage {

// Stores each night of the change (a night with nothing committed is removed) and drops that
// room type's nights before `first_kept_day`.
void apply_inventory_change(SQLite::Database& db, const domain::InventoryChange& change,
                            std::int64_t first_kept_day);

}  // namespace hotel::hotels::storage
