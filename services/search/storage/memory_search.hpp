// Searches over the memory columns. Catalogue searches (no filter, or only min_stars) walk an
// order that is already kept (hotels by price, or by star level and doc) and stop after one
// page; their facets come from the per-city, per-star counts. Every other search takes the
// smallest of the sets its filters name (the hotels of the matching cities, the text matches, the
// grid cells around a point; all hotels when only room filters are given), checks the other
// filters per hotel, counts the facets of what passes and keeps one page in a bounded heap.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "services/search/domain/ranking.hpp"
#include "services/search/storage/hotel_index.hpp"
#include "services/search/storage/memory_columns.hpp"

namespace hotel::search::storage {

struct MemoryPage {
  std::vector<domain::Hit> hits;  // in order, at most the query's limit
  bool more = false;
  std::optional<domain::Facets> facets;  // first page only
};

// Whether a search is a walk of the whole catalogue (no filter, or min_stars only).
bool is_catalogue(const domain::SearchQuery& query);

// The facets of the catalogue with at least `min_stars` stars.
domain::Facets catalogue_facets(const MemoryColumns& columns, int min_stars);

// One page of a catalogue search (without facets).
MemoryPage catalogue_page(const MemoryColumns& columns, const domain::SearchQuery& query);

// One page of any other search, with facets on the first page. `text_docs` holds the docs that
// match the query's text, ascending (required when the query has text). Throws IndexTimeout
// past `deadline`.
MemoryPage filtered_page(const MemoryColumns& columns, const domain::SearchQuery& query,
                         const std::vector<std::int64_t>* text_docs, Deadline deadline);

}  // namespace hotel::search::storage
