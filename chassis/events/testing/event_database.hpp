// A temp-file database with the outbox and consumer tables, for the events tests.
#pragma once

#include <string>

#include "chassis/events/consumer_store.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/migrations.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::events::testing {

class EventDatabase {
 public:
  explicit EventDatabase(const std::string& name = "events.db")
      : db_({.path = dir_.file(name), .readers = 2}) {
    constexpr store::Migration kMigrations[] = {
        {1, "effects", "CREATE TABLE effects (event_id TEXT, seq INTEGER, note TEXT)"},
        outbox_migration(2),
        consumer_migration(3)};
    store::apply_migrations(db_, kMigrations);
  }
  store::Database& db() { return db_; }
  const store::Database& db() const { return db_; }

  // A handler that records each applied event in `effects`.
  static void record_effect(store::Transaction& tx, const Event& event) {
    SQLite::Statement insert(tx.db(), "INSERT INTO effects (event_id, seq, note) VALUES (?, ?, ?)");
    insert.bind(1, event.id);
    insert.bind(2, event.sequence);
    insert.bind(3, event.type);
    insert.exec();
  }
  int effects() const {
    return db_.read([](SQLite::Database& conn) {
      return conn.execAndGet("SELECT count(*) FROM effects").getInt();
    });
  }
  int effects_of(const std::string& event_id) const {
    return db_.read([&](SQLite::Database& conn) {
      SQLite::Statement count(conn, "SELECT count(*) FROM effects WHERE event_id = ?");
      count.bind(1, event_id);
      count.executeStep();
      return count.getColumn(0).getInt();
    });
  }

 private:
  store::testing::TempDir dir_;
  store::Database db_;
};

}  // namespace hotel::events::testing
