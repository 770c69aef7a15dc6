#include "services/hotels/storage/room_nights.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "services/hotels/storage/queries.hpp"

namespace hotel::hotels::storage {

void apply_inventory_change(SQLite::Database& db, const domain::InventoryChange& change,
                            std::int64_t first_kept_day) {
  SQLite::Statement upsert(db, queries::kUpsertRoomNight);
  SQLite::Statement remove(db, queries::kDeleteRoomNight);
  for (const auto& night : change.nights) {
    if (night.day < first_kept_day) continue;
    auto& statement = night.committed() > 0 ? upsert : remove;
    statement.bind(1, change.hotel_id);
    statement.bind(2, change.room_type_id);
    statement.bind(3, night.day);
    if (night.committed() > 0) {
      statement.bind(4, night.held);
      statement.bind(5, night.booked);
    }
    statement.exec();
    statement.reset();
  }
  SQLite::Statement prune(db, queries::kDeletePastRoomNights);
  prune.bind(1, change.hotel_id);
  prune.bind(2, change.room_type_id);
  prune.bind(3, first_kept_day);
  prune.exec();
}

}  // namespace hotel::hotels::storage
