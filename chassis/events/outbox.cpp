#include "chassis/events/outbox.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "chassis/core/ids.hpp"
#include "chassis/store/database.hpp"

namespace hotel::events {
namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO outbox (id, type, subject, time, traceparent, data) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectAfter =
    "SELECT seq, id, type, subject, time, traceparent, data FROM outbox"
    " WHERE seq > ? ORDER BY seq LIMIT ?";
constexpr const char* kSelectLastSeq = "SELECT coalesce(max(seq), 0) FROM outbox";

}  // namespace

Outbox::Outbox(store::Database& db, std::string source, const core::Clock& clock)
    : db_(db), source_(std::move(source)), clock_(clock) {}

Event Outbox::append(store::Transaction& tx, NewEvent event) {
  Event published;
  published.id = core::uuid_v4();
  published.source = source_;
  published.type = std::move(event.type);
  published.subject = std::move(event.subject);
  published.time = format_rfc3339(clock_.system_now());
  published.traceparent = std::move(event.traceparent);
  published.data = std::move(event.data);

  SQLite::Statement insert(tx.db(), kInsertEvent);
  insert.bind(1, published.id);
  insert.bind(2, published.type);
  insert.bind(3, published.subject);
  insert.bind(4, published.time);
  insert.bind(5, published.traceparent);
  insert.bind(6, boost::json::serialize(published.data));
  insert.exec();
  published.sequence = tx.db().getLastInsertRowid();
  tx.on_commit([this] { notify(); });
  return published;
}

std::vector<Event> Outbox::read_after(std::int64_t after_seq, std::size_t limit) const {
  return db_.read([&](SQLite::Database& conn) { return select_after(conn, after_seq, limit); });
}

std::int64_t Outbox::last_seq() const {
  return db_.read(
      [](SQLite::Database& conn) { return conn.execAndGet(kSelectLastSeq).getInt64(); });
}

FeedPage Outbox::read_page(std::int64_t after_seq, std::size_t limit) const {
  return db_.read([&](SQLite::Database& conn) {
    FeedPage page;
    page.events = select_after(conn, after_seq, limit);
    page.last_seq = conn.execAndGet(kSelectLastSeq).getInt64();
    return page;
  });
}

std::vector<Event> Outbox::select_after(SQLite::Database& conn, std::int64_t after_seq,
                                        std::size_t limit) const {
  std::vector<Event> events;
  SQLite::Statement select(conn, kSelectAfter);
  select.bind(1, after_seq);
  select.bind(2, static_cast<std::int64_t>(limit));
  while (select.executeStep()) {
    Event event;
    event.sequence = select.getColumn(0).getInt64();
    event.id = select.getColumn(1).getString();
    event.source = source_;
    event.type = select.getColumn(2).getString();
    event.subject = select.getColumn(3).getString();
    event.time = select.getColumn(4).getString();
    event.traceparent = select.getColumn(5).getString();
    event.data = boost::json::parse(select.getColumn(6).getString());
    events.push_back(std::move(event));
  }
  return events;
}

void Outbox::add_listener(std::function<void()> listener) {
  std::lock_guard lock(listeners_mutex_);
  listeners_.push_back(std::move(listener));
}

void Outbox::notify() const {
  std::lock_guard lock(listeners_mutex_);
  for (const auto& listener : listeners_) listener();
}

}  // namespace hotel::events
