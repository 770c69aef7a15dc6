#include "chassis/events/consumer_store.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "chassis/store/database.hpp"

namespace hotel::events {
namespace {

constexpr const char* kSelectCursor = "SELECT last_seq FROM event_cursors WHERE subscription = ?";
constexpr const char* kUpsertCursor =
    "INSERT INTO event_cursors (subscription, last_seq) VALUES (?, ?)"
    " ON CONFLICT (subscription) DO UPDATE SET last_seq = excluded.last_seq";
constexpr const char* kInsertDeadLetter =
    "INSERT INTO dead_letters (subscription, seq, event_id, type, payload, error, attempts,"
    " parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectDeadLetters =
    "SELECT id, subscription, seq, event_id, type, payload, error, attempts, parked_at,"
    " replayed_at FROM dead_letters"
    " WHERE (?1 IS NULL OR subscription = ?1) AND (?2 IS NULL OR id = ?2) ORDER BY id";
constexpr const char* kCountPendingDeadLetters =
    "SELECT count(*) FROM dead_letters"
    " WHERE replayed_at IS NULL AND (?1 IS NULL OR subscription = ?1)";
constexpr const char* kSelectDeadLetterPayload =
    "SELECT payload, replayed_at IS NOT NULL FROM dead_letters WHERE id = ?";
constexpr const char* kMarkReplayed = "UPDATE dead_letters SET replayed_at = ? WHERE id = ?";
constexpr const char* kRecordReplayFailure =
    "UPDATE dead_letters SET error = ?, attempts = attempts + 1 WHERE id = ?";
constexpr const char* kInsertInbox =
    "INSERT INTO inbox (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING";

std::int64_t cursor_of(SQLite::Database& conn, const std::string& subscription) {
  SQLite::Statement select(conn, kSelectCursor);
  select.bind(1, subscription);
  return select.executeStep() ? select.getColumn(0).getInt64() : 0;
}

void set_cursor(SQLite::Database& conn, const std::string& subscription, std::int64_t seq) {
  SQLite::Statement upsert(conn, kUpsertCursor);
  upsert.bind(1, subscription);
  upsert.bind(2, seq);
  upsert.exec();
}

void bind_optional(SQLite::Statement& statement, int index,
                   const std::optional<std::string>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);  // NULL
  }
}

DeadLetter dead_letter_row(SQLite::Statement& row) {
  DeadLetter letter;
  letter.id = row.getColumn(0).getInt64();
  letter.subscription = row.getColumn(1).getString();
  letter.seq = row.getColumn(2).getInt64();
  letter.event_id = row.getColumn(3).getString();
  letter.type = row.getColumn(4).getString();
  letter.payload = row.getColumn(5).getString();
  letter.error = row.getColumn(6).getString();
  letter.attempts = row.getColumn(7).getInt();
  letter.parked_at = row.getColumn(8).getString();
  if (!row.getColumn(9).isNull()) letter.replayed_at = row.getColumn(9).getString();
  return letter;
}

}  // namespace

ConsumerStore::ConsumerStore(store::Database& db, const core::Clock& clock)
    : db_(db), clock_(clock) {}

std::int64_t ConsumerStore::cursor(const std::string& subscription) const {
  return db_.read([&](SQLite::Database& conn) { return cursor_of(conn, subscription); });
}

ApplyResult ConsumerStore::apply_in_tx(const std::string& subscription, const Event& event,
                                       const EventHandler& handler) {
  return db_.write([&](store::Transaction& tx) {
    // Read inside the write transaction: no other writer can move the cursor meanwhile.
    if (event.sequence <= cursor_of(tx.db(), subscription)) return ApplyResult::kAlreadyApplied;
    handler(tx, event);
    set_cursor(tx.db(), subscription, event.sequence);
    return ApplyResult::kApplied;
  });
}

std::optional<std::int64_t> ConsumerStore::park(const std::string& subscription, const Event& event,
                                                const std::string& error, int attempts) {
  return db_.write([&](store::Transaction& tx) -> std::optional<std::int64_t> {
    if (event.sequence <= cursor_of(tx.db(), subscription)) return std::nullopt;
    SQLite::Statement insert(tx.db(), kInsertDeadLetter);
    insert.bind(1, subscription);
    insert.bind(2, event.sequence);
    insert.bind(3, event.id);
    insert.bind(4, event.type);
    insert.bind(5, boost::json::serialize(to_json(event)));
    insert.bind(6, error);
    insert.bind(7, attempts);
    insert.bind(8, format_rfc3339(clock_.system_now()));
    insert.exec();
    const std::int64_t id = tx.db().getLastInsertRowid();
    set_cursor(tx.db(), subscription, event.sequence);
    return id;
  });
}

std::vector<DeadLetter> ConsumerStore::list_dead_letters(
    const std::optional<std::string>& subscription) const {
  return db_.read([&](SQLite::Database& conn) {
    SQLite::Statement select(conn, kSelectDeadLetters);
    bind_optional(select, 1, subscription);
    select.bind(2);  // any id
    std::vector<DeadLetter> letters;
    while (select.executeStep()) letters.push_back(dead_letter_row(select));
    return letters;
  });
}

std::optional<DeadLetter> ConsumerStore::find_dead_letter(std::int64_t dead_letter_id) const {
  return db_.read([&](SQLite::Database& conn) -> std::optional<DeadLetter> {
    SQLite::Statement select(conn, kSelectDeadLetters);
    select.bind(1);  // any subscription
    select.bind(2, dead_letter_id);
    if (!select.executeStep()) return std::nullopt;
    return dead_letter_row(select);
  });
}

std::int64_t ConsumerStore::pending_dead_letters(
    const std::optional<std::string>& subscription) const {
  return db_.read([&](SQLite::Database& conn) {
    SQLite::Statement count(conn, kCountPendingDeadLetters);
    bind_optional(count, 1, subscription);
    count.executeStep();
    return count.getColumn(0).getInt64();
  });
}

ReplayResult ConsumerStore::replay(std::int64_t dead_letter_id, const EventHandler& handler) {
  try {
    return db_.write([&](store::Transaction& tx) {
      SQLite::Statement select(tx.db(), kSelectDeadLetterPayload);
      select.bind(1, dead_letter_id);
      if (!select.executeStep()) return ReplayResult::kNotFound;
      if (select.getColumn(1).getInt() != 0) return ReplayResult::kAlreadyReplayed;
      const Event event = from_json(boost::json::parse(select.getColumn(0).getString()));
      handler(tx, event);
      SQLite::Statement mark(tx.db(), kMarkReplayed);
      mark.bind(1, format_rfc3339(clock_.system_now()));
      mark.bind(2, dead_letter_id);
      mark.exec();
      return ReplayResult::kReplayed;
    });
  } catch (const std::exception& error) {
    db_.write([&](store::Transaction& tx) {
      SQLite::Statement record(tx.db(), kRecordReplayFailure);
      record.bind(1, std::string("replay: ") + error.what());
      record.bind(2, dead_letter_id);
      record.exec();
    });
    throw;
  }
}

void ConsumerStore::reset_cursor(const std::string& subscription, std::int64_t to) {
  db_.write([&](store::Transaction& tx) { set_cursor(tx.db(), subscription, to); });
}

ApplyResult ConsumerStore::apply_once(const Event& event, const EventHandler& handler) {
  return db_.write([&](store::Transaction& tx) {
    SQLite::Statement insert(tx.db(), kInsertInbox);
    insert.bind(1, event.id);
    insert.bind(2, format_rfc3339(clock_.system_now()));
    if (insert.exec() == 0) return ApplyResult::kAlreadyApplied;
    handler(tx, event);
    return ApplyResult::kApplied;
  });
}

}  // namespace hotel::events
