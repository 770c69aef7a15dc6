// Test support: the hotels service's database (migrated) with its outbox and store in a temp dir.
#pragma once

#include "chassis/events/outbox.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/testing/temp_dir.hpp"
#include "services/hotels/storage/migrations.hpp"
#include "services/hotels/storage/sqlite_hotel_store.hpp"

namespace hotel::hotels::testing {

class HotelDatabase {
 public:
  HotelDatabase() { store::apply_migrations(db_, storage::migrations()); }

  store::Database& db() { return db_; }
  events::Outbox& outbox() { return outbox_; }
  storage::SqliteHotelStore& store() { return store_; }
  const store::testing::TempDir& dir() const { return dir_; }

  // Every event in the outbox, in order.
  std::vector<events::Event> events() const { return outbox_.read_after(0, 10'000); }

 private:
  store::testing::TempDir dir_;
  store::Database db_{{.path = dir_.file("hotels.db"), .readers = 2}};
  events::Outbox outbox_{db_, "hotel/hotels"};
  storage::SqliteHotelStore store_{db_, outbox_};
};

}  // namespace hotel::hotels::testing
