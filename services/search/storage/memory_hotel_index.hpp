// HotelIndex over the memory index and the SQLite read model: filters, sorts, pages and facets
// in memory (memory_index.hpp); free text from SQLite's FTS5 table (its matching docs feed the
// memory search), the summaries of a page's hotels and the detail view from SQLite. SQLite
// statements past the deadline are interrupted (progress handler); memory searches check it too.
#pragma once

#include "services/search/storage/hotel_index.hpp"

namespace hotel::store {
class Database;
}

namespace hotel::search::storage {

class MemoryIndex;

class MemoryHotelIndex final : public HotelIndex {
 public:
  // `memory` is kept in step with `db` by the writer (read_model.hpp).
  MemoryHotelIndex(const store::Database& db, const MemoryIndex& memory)
      : db_(db), memory_(memory) {}
  domain::SearchPage search(const domain::SearchQuery& query, Deadline deadline) const override;
  std::optional<std::string> find(const std::string& id, Deadline deadline) const override;

 private:
  const store::Database& db_;
  const MemoryIndex& memory_;
};

}  // namespace hotel::search::storage
