// The memory side of the search index: the memory columns (memory_columns.hpp) behind a
// reader-writer lock. Filled from the SQLite read model at start (load) and then changed by the
// same apply as the read model, after each commit (ReadModelWriter), so it never shows what
// SQLite did not commit. Searches read it concurrently; a change waits for them.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>

#include "services/search/storage/memory_columns.hpp"
#include "services/search/storage/memory_search.hpp"

namespace SQLite {
class Database;
}

namespace hotel::search::storage {

class MemoryIndex {
 public:
  void put(std::int64_t doc, HotelFacts facts);
  void erase(std::int64_t doc);
  void clear();
  // Replaces everything with the live hotels of the read model `db`; returns how many.
  std::int64_t load(SQLite::Database& db);

  std::int64_t hotels() const;

  // One page and, on the first page, the facets (see memory_search.hpp). `text_docs`: the docs
  // that match the query's text, ascending, when it has text.
  MemoryPage search(const domain::SearchQuery& query, const std::vector<std::int64_t>* text_docs,
                    Deadline deadline) const;

 private:
  // The catalogue facets per min_stars, computed once per generation of the columns.
  domain::Facets cached_catalogue_facets(int min_stars) const;

  mutable std::shared_mutex mutex_;
  MemoryColumns columns_;

  struct CachedFacets {
    std::uint64_t generation = 0;
    domain::Facets facets;
  };
  mutable std::mutex cache_mutex_;
  mutable std::array<std::optional<CachedFacets>, kStarLevels> cache_;
};

}  // namespace hotel::search::storage
