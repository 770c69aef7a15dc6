#include "services/search/storage/read_model.hpp"

#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json/serialize.hpp>

#include "chassis/store/database.hpp"
#include "services/search/domain/versions.hpp"
#include "services/search/storage/memory_index.hpp"
#include "services/search/storage/queries.hpp"

namespace hotel::search::storage {
namespace {

// What the read model holds of a live hotel before it changes.
struct LiveRow {
  std::int64_t doc = 0;
  std::int64_t version = 0;
  std::string name;  // what the FTS5 index holds (external content: told on deletion)
  std::string description;
};

// Binds `values` to the statement's parameters in order and runs it to completion.
template <class... Values>
void run(SQLite::Statement& statement, const Values&... values) {
  int index = 0;
  (statement.bind(++index, values), ...);
  statement.exec();
}

// One change, with the writer's statements.
class Change {
 public:
  Change(ReadModelWriter& writer, store::Transaction& tx, MemoryIndex* memory)
      : writer_(writer), tx_(tx), db_(tx.db()), memory_(memory) {}

  SQLite::Statement& sql(const char* text) { return writer_.statement(db_, text); }

  std::optional<LiveRow> live_row(const std::string& id) {
    auto& select = sql(queries::kSelectLive);
    select.bind(1, id);
    if (!select.executeStep()) return std::nullopt;
    LiveRow row{select.getColumn(0).getInt64(), select.getColumn(1).getInt64(),
                select.getColumn(2).getString(), select.getColumn(3).getString()};
    select.reset();
    return row;
  }

  std::optional<std::int64_t> tombstone(const std::string& id) {
    auto& select = sql(queries::kSelectTombstone);
    select.bind(1, id);
    if (!select.executeStep()) return std::nullopt;
    const auto version = select.getColumn(0).getInt64();
    select.reset();
    return version;
  }

  void forget_indexes(const LiveRow& row) {
    run(sql(queries::kDeleteText), row.doc, row.name, row.description);
    run(sql(queries::kDeleteOffers), row.doc);
  }

  void index(std::int64_t doc, const domain::HotelSnapshot& h) {
    run(sql(queries::kInsertText), doc, h.name, h.description);
    for (const auto& offer : domain::offers(h)) {
      run(sql(queries::kInsertOffer), doc, offer.capacity, offer.price);
    }
  }

  // Writes the hotel's rows (insert, or update keeping `doc`); returns its doc.
  std::int64_t write_rows(const domain::HotelSnapshot& h, std::optional<std::int64_t> doc) {
    auto& write = sql(doc ? queries::kUpdateHotel : queries::kInsertHotel);
    int index = 0;
    write.bind(++index, h.id);
    write.bind(++index, h.version);
    write.bind(++index, h.city);
    write.bind(++index, h.country);
    write.bind(++index, h.stars);
    write.bind(++index, h.latitude);
    write.bind(++index, h.longitude);
    write.bind(++index, domain::from_price(h));
    if (doc) write.bind(++index, *doc);
    write.exec();
    const std::int64_t row = doc ? *doc : db_.getLastInsertRowid();
    auto& details = sql(queries::kUpsertDetails);
    details.bind(1, row);
    details.bind(2, h.name);
    details.bind(3, h.description);
    details.bind(4, h.base_price.currency);
    if (h.thumbnail_url) details.bind(5, *h.thumbnail_url);  // else NULL (cleared bindings)
    details.bind(6, boost::json::serialize(h.detail));
    details.exec();
    return row;
  }

  void remove(const LiveRow& row) {
    forget_indexes(row);
    run(sql(queries::kDeleteDetails), row.doc);
    run(sql(queries::kDeleteHotel), row.doc);
  }

  Applied apply(const domain::HotelChange& change) {
    const std::string& id = domain::id_of(change);
    const auto live = live_row(id);
    std::optional<domain::StoredVersion> stored;
    if (live) {
      stored = domain::StoredVersion{live->version, false};
    } else if (const auto version = tombstone(id)) {
      stored = domain::StoredVersion{*version, true};
    }
    switch (domain::decide(stored, change)) {
      case domain::Action::kIgnore:
        return Applied::kIgnored;
      case domain::Action::kUpsert: {
        if (live) forget_indexes(*live);
        if (stored && stored->deleted) run(sql(queries::kDeleteTombstone), id);
        const auto& snapshot = std::get<domain::HotelSnapshot>(change);
        const auto doc = write_rows(snapshot, live ? std::optional(live->doc) : std::nullopt);
        index(doc, snapshot);
        if (memory_ != nullptr) {
          tx_.on_commit([memory = memory_, doc, facts = facts_of(snapshot)]() mutable {
            memory->put(doc, std::move(facts));
          });
        }
        return live ? Applied::kUpdated : Applied::kInserted;
      }
      case domain::Action::kDelete:
        if (live) {
          remove(*live);
          if (memory_ != nullptr) {
            tx_.on_commit([memory = memory_, doc = live->doc] { memory->erase(doc); });
          }
        }
        run(sql(queries::kUpsertTombstone), id, domain::version_of(change));
        return live ? Applied::kDeleted : Applied::kIgnored;
    }
    return Applied::kIgnored;
  }

 private:
  ReadModelWriter& writer_;
  store::Transaction& tx_;
  SQLite::Database& db_;
  MemoryIndex* memory_;
};

}  // namespace

ReadModelWriter::ReadModelWriter(MemoryIndex* memory) : memory_(memory) {}
ReadModelWriter::~ReadModelWriter() = default;

SQLite::Statement& ReadModelWriter::statement(SQLite::Database& db, const char* sql) {
  if (db_ != &db) {
    statements_.clear();
    db_ = &db;
  }
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

Applied ReadModelWriter::apply(store::Transaction& tx, const domain::HotelChange& change) {
  return Change(*this, tx, memory_).apply(change);
}

int live_delta(Applied applied) {
  if (applied == Applied::kInserted) return 1;
  if (applied == Applied::kDeleted) return -1;
  return 0;
}

Applied apply_change(store::Transaction& tx, const domain::HotelChange& change,
                     MemoryIndex* memory) {
  ReadModelWriter writer(memory);
  return writer.apply(tx, change);
}

void clear_read_model(store::Transaction& tx, MemoryIndex* memory) {
  tx.db().exec(queries::kClearReadModel);
  if (memory != nullptr) tx.on_commit([memory] { memory->clear(); });
}

std::int64_t count_hotels(SQLite::Database& db) {
  return db.execAndGet(queries::kCountHotels).getInt64();
}

}  // namespace hotel::search::storage
