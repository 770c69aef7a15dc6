// The publishing side of events: a service appends events to its own `outbox` table in the same
// transaction as the state change they describe (no dual writes), and serves the table as a feed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/events/envelope.hpp"
#include "chassis/events/feed_page.hpp"
#include "chassis/store/migrations.hpp"

namespace SQLite {
class Database;
}
namespace hotel::store {
class Database;
class Transaction;
}  // namespace hotel::store

namespace hotel::events {

inline constexpr std::string_view kOutboxSchema =
    "CREATE TABLE outbox ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE,"
    " type TEXT NOT NULL,"
    " subject TEXT NOT NULL,"
    " time TEXT NOT NULL,"
    " traceparent TEXT NOT NULL,"
    " data TEXT NOT NULL)";

// The outbox table as a migration, for a service's migration list:
//   constexpr store::Migration kMigrations[] = {{1, ...}, events::outbox_migration(2)};
constexpr store::Migration outbox_migration(int version) {
  return {version, "events_outbox", kOutboxSchema};
}

struct NewEvent {
  std::string type;
  std::string subject;
  boost::json::value data;
  std::string traceparent;  // the request's, so the trace continues through the event
};

// Why readers never see a gap that fills in later, so that "everything after my cursor" is a
// complete answer: the store has exactly one writer connection and every write is BEGIN IMMEDIATE,
// so write transactions run one after the other. `seq` is assigned (AUTOINCREMENT: max + 1) inside
// the appending transaction. Therefore a transaction that takes seq N has committed (or rolled
// back, taking its sequence number with it) before any transaction that takes N+1 begins: commit
// order is seq order, and every snapshot a reader sees holds a prefix 1..K of the sequence.
class Outbox {
 public:
  // `source` is the CloudEvents source of every event this outbox serves (e.g. "hotel/hotels").
  Outbox(store::Database& db, std::string source,
         const core::Clock& clock = core::SystemClock::instance());

  // Inserts the event in the caller's transaction and returns it as it will be published (id,
  // time and sequence assigned). Listeners are told after that transaction commits.
  Event append(store::Transaction& tx, NewEvent event);

  // Committed events with seq > after_seq, in seq order, at most `limit`.
  std::vector<Event> read_after(std::int64_t after_seq, std::size_t limit) const;
  // The highest committed seq, 0 when empty.
  std::int64_t last_seq() const;

  // read_after and last_seq from one snapshot (what the feed serves).
  FeedPage read_page(std::int64_t after_seq, std::size_t limit) const;

  // `listener` runs (on the committing thread) after each commit that appended events. It must be
  // cheap and must not throw. Listeners live as long as the outbox.
  void add_listener(std::function<void()> listener);

  const std::string& source() const { return source_; }
  store::Database& database() const { return db_; }

 private:
  void notify() const;
  std::vector<Event> select_after(SQLite::Database& conn, std::int64_t after_seq,
                                  std::size_t limit) const;

  store::Database& db_;
  std::string source_;
  const core::Clock& clock_;
  mutable std::mutex listeners_mutex_;
  std::vector<std::function<void()>> listeners_;
};

}  // namespace hotel::events
