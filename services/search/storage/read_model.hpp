// The write side of the read model: applies hotel changes inside the caller's transaction (the
// subscription's, which also moves the cursor), and clears everything for a rebuild. Given a
// memory index, it makes the same change there once the transaction commits.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "services/search/domain/hotel.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite
namespace hotel::store {
class Transaction;
}

namespace hotel::search::storage {

class MemoryIndex;

// What applying a change did; `live_delta` is the change in the number of live hotels.
enum class Applied { kInserted, kUpdated, kDeleted, kIgnored };
int live_delta(Applied applied);

// Applies changes, keeping its statements prepared between calls (preparing them costs more than
// running them). Not thread-safe; it runs inside write transactions, which the database
// serialises. Destroy it before the database.
class ReadModelWriter {
 public:
  // `memory` (may be null: the CLI) outlives the writer.
  explicit ReadModelWriter(MemoryIndex* memory = nullptr);
  ~ReadModelWriter();
  ReadModelWriter(const ReadModelWriter&) = delete;
  ReadModelWriter& operator=(const ReadModelWriter&) = delete;

  // Applies `change` when it is newer than what the read model holds for its hotel
  // (versions.hpp).
  Applied apply(store::Transaction& tx, const domain::HotelChange& change);

  // A statement of `sql` on `db`, reset and with no bindings.
  SQLite::Statement& statement(SQLite::Database& db, const char* sql);

 private:
  MemoryIndex* memory_;
  const SQLite::Database* db_ = nullptr;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

// The same with a writer of its own (statements prepared for this change only).
Applied apply_change(store::Transaction& tx, const domain::HotelChange& change,
                     MemoryIndex* memory = nullptr);

// Empties every read-model table (hotels, details, text, offers, tombstones), and `memory` once
// the transaction commits.
void clear_read_model(store::Transaction& tx, MemoryIndex* memory = nullptr);

// Live hotels (counts the rows: the service takes it from the memory index instead).
std::int64_t count_hotels(SQLite::Database& db);

}  // namespace hotel::search::storage
