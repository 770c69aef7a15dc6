#include "services/search/storage/memory_index.hpp"

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "services/search/storage/queries.hpp"

namespace hotel::search::storage {

void MemoryIndex::put(std::int64_t doc, HotelFacts facts) {
  std::unique_lock lock(mutex_);
  columns_.put(doc, std::move(facts));
}

void MemoryIndex::erase(std::int64_t doc) {
  std::unique_lock lock(mutex_);
  columns_.erase(doc);
}

void MemoryIndex::clear() {
  std::unique_lock lock(mutex_);
  columns_.clear();
}

std::int64_t MemoryIndex::load(SQLite::Database& db) {
  // Both in doc order: each hotel's offers follow on from the previous hotel's.
  SQLite::Statement hotels(db, queries::kLoadHotels);
  SQLite::Statement offers(db, queries::kLoadOffers);
  bool offer_ready = offers.executeStep();
  std::unique_lock lock(mutex_);
  columns_.clear();
  while (hotels.executeStep()) {
    const auto doc = hotels.getColumn(0).getInt64();
    HotelFacts facts;
    facts.city = hotels.getColumn(1).getString();
    facts.country = hotels.getColumn(2).getString();
    facts.stars = hotels.getColumn(3).getInt();
    facts.at = {hotels.getColumn(4).getDouble(), hotels.getColumn(5).getDouble()};
    facts.min_price = hotels.getColumn(6).getInt64();
    while (offer_ready && offers.getColumn(0).getInt64() < doc) offer_ready = offers.executeStep();
    while (offer_ready && offers.getColumn(0).getInt64() == doc) {
      facts.offers.push_back({offers.getColumn(1).getInt(), offers.getColumn(2).getInt64()});
      offer_ready = offers.executeStep();
    }
    columns_.put(doc, std::move(facts));
  }
  return columns_.hotels;
}

std::int64_t MemoryIndex::hotels() const {
  std::shared_lock lock(mutex_);
  return columns_.hotels;
}

MemoryPage MemoryIndex::search(const domain::SearchQuery& query,
                               const std::vector<std::int64_t>* text_docs,
                               Deadline deadline) const {
  std::shared_lock lock(mutex_);
  if (!is_catalogue(query)) return filtered_page(columns_, query, text_docs, deadline);
  auto page = catalogue_page(columns_, query);
  if (!query.after) page.facets = cached_catalogue_facets(query.min_stars.value_or(0));
  return page;
}

domain::Facets MemoryIndex::cached_catalogue_facets(int min_stars) const {
  const auto level = static_cast<std::size_t>(std::clamp(min_stars, 0, kStarLevels - 1));
  {
    std::lock_guard cache_lock(cache_mutex_);
    const auto& cached = cache_[level];
    if (cached && cached->generation == columns_.generation) return cached->facets;
  }
  // Computed outside the cache's lock (the columns' shared lock is held by the caller): two
  // searches may both compute it once.
  auto facets = catalogue_facets(columns_, static_cast<int>(level));
  std::lock_guard cache_lock(cache_mutex_);
  cache_[level] = CachedFacets{columns_.generation, facets};
  return facets;
}

}  // namespace hotel::search::storage
