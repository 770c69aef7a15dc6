// The write side of the read model: applies hotel changes inside the caller's transaction (the
// subscription's, which also moves the cursor), and clears everything for a rebuild.
#pragma once

#include <cstdint>

#include "services/search/domain/hotel.hpp"

namespace SQLite {
class Database;
}
namespace hotel::store {
class Transaction;
}

namespace hotel::search::storage {

// What applying a change did; `live_delta` is the change in the number of live hotels.
enum class Applied { kInserted, kUpdated, kDeleted, kIgnored };
int live_delta(Applied applied);

// Applies `change` when it is newer than what the read model holds for its hotel (versions.hpp).
Applied apply_change(store::Transaction& tx, const domain::HotelChange& change);

// Empties every read-model table (hotels, indexes, tombstones, facet counts).
void clear_read_model(store::Transaction& tx);

// Live hotels (from the facet counts, so it costs nothing at a million hotels).
std::int64_t count_hotels(SQLite::Database& db);

}  // namespace hotel::search::storage
