// The consuming side of events, in the consumer's own database: one cursor per subscription
// (the last applied producer seq), the dead letters of events a handler kept failing on, and an
// inbox of event ids for transports that deliver at least once without a sequence.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/events/envelope.hpp"
#include "chassis/store/migrations.hpp"

namespace hotel::store {
class Database;
class Transaction;
}  // namespace hotel::store

namespace hotel::events {

inline constexpr std::string_view kConsumerSchema =
    "CREATE TABLE event_cursors ("
    " subscription TEXT PRIMARY KEY,"
    " last_seq INTEGER NOT NULL);"
    "CREATE TABLE dead_letters ("
    " id INTEGER PRIMARY KEY,"
    " subscription TEXT NOT NULL,"
    " seq INTEGER NOT NULL,"
    " event_id TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " payload TEXT NOT NULL,"
    " error TEXT NOT NULL,"
    " attempts INTEGER NOT NULL,"
    " parked_at TEXT NOT NULL,"
    " replayed_at TEXT);"
    "CREATE INDEX dead_letters_subscription ON dead_letters (subscription, id);"
    "CREATE TABLE inbox ("
    " event_id TEXT PRIMARY KEY,"
    " received_at TEXT NOT NULL)";

// The consumer tables as a migration, for a service's migration list.
constexpr store::Migration consumer_migration(int version) {
  return {version, "events_consumer", kConsumerSchema};
}

// Applies one event's effect inside the given transaction. Throws to refuse the event (the
// transaction rolls back, the cursor stays).
using EventHandler = std::function<void(store::Transaction&, const Event&)>;

struct DeadLetter {
  std::int64_t id = 0;
  std::string subscription;
  std::int64_t seq = 0;
  std::string event_id;
  std::string type;
  std::string payload;  // the whole envelope as JSON
  std::string error;    // the handler's last error
  int attempts = 0;
  std::string parked_at;
  std::optional<std::string> replayed_at;
};

enum class ApplyResult { kApplied, kAlreadyApplied };
enum class ReplayResult { kReplayed, kAlreadyReplayed, kNotFound };

class ConsumerStore {
 public:
  explicit ConsumerStore(store::Database& db,
                         const core::Clock& clock = core::SystemClock::instance());

  // The last applied seq of `subscription`, 0 when it never applied anything.
  std::int64_t cursor(const std::string& subscription) const;

  // In ONE transaction: handler(tx, event), then the cursor moves to event.sequence. Either both
  // happen or neither (exactly-once effect). An event at or below the cursor is not applied again.
  ApplyResult apply_in_tx(const std::string& subscription, const Event& event,
                          const EventHandler& handler);

  // In ONE transaction: records the event as a dead letter and moves the cursor past it, so the
  // subscription goes on with the next event. Returns the dead letter's id, or nullopt when the
  // event is at or below the cursor (already applied or parked).
  std::optional<std::int64_t> park(const std::string& subscription, const Event& event,
                                   const std::string& error, int attempts);

  // Dead letters, oldest first; of one subscription, or of all when `subscription` is nullopt.
  std::vector<DeadLetter> list_dead_letters(
      const std::optional<std::string>& subscription = std::nullopt) const;
  std::optional<DeadLetter> find_dead_letter(std::int64_t dead_letter_id) const;
  // Dead letters not yet replayed.
  std::int64_t pending_dead_letters(
      const std::optional<std::string>& subscription = std::nullopt) const;

  // Applies a parked event through `handler` and marks it replayed, in one transaction; a second
  // replay applies nothing. When the handler throws, nothing is applied, the dead letter's error
  // and attempts are updated, and the exception propagates.
  ReplayResult replay(std::int64_t dead_letter_id, const EventHandler& handler);

  // Moves the cursor to `to` (0: from the start, to rebuild a read model).
  void reset_cursor(const std::string& subscription, std::int64_t to = 0);

  // For transports without an ordered sequence: in ONE transaction, records event.id in the inbox
  // and applies the handler, unless the id was already there.
  ApplyResult apply_once(const Event& event, const EventHandler& handler);

 private:
  store::Database& db_;
  const core::Clock& clock_;
};

}  // namespace hotel::events
