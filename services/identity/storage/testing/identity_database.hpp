// A migrated identity database in a temp directory, with its outbox and store, for tests.
#pragma once

#include <string>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/migrations.hpp"
#include "chassis/store/testing/temp_dir.hpp"
#include "services/identity/storage/migrations.hpp"
#include "services/identity/storage/sqlite_identity_store.hpp"

namespace hotel::identity::storage::testing {

class IdentityDatabase {
 public:
  explicit IdentityDatabase(const core::Clock& clock = core::SystemClock::instance())
      : db_({.path = dir_.file("identity.db"), .readers = 2}),
        outbox_(db_, "hotel/identity", clock) {
    store::apply_migrations(db_, migrations());
  }

  store::Database& db() { return db_; }
  events::Outbox& outbox() { return outbox_; }
  IdentityStore& store() { return store_; }

  std::vector<events::Event> events() const { return outbox_.read_after(0, 1000); }
  std::vector<events::Event> events_of(const std::string& type) const {
    std::vector<events::Event> matching;
    for (auto& event : events()) {
      if (event.type == type) matching.push_back(std::move(event));
    }
    return matching;
  }
  int count(const std::string& table) const {
    return db_.read([&](SQLite::Database& conn) {
      return conn.execAndGet("SELECT count(*) FROM " + table).getInt();
    });
  }

 private:
  store::testing::TempDir dir_;
  store::Database db_;
  events::Outbox outbox_;
  SqliteIdentityStore store_{db_, outbox_};
};

}  // namespace hotel::identity::storage::testing
