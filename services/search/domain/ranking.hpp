// Ordering of search results, pure: the sort orders with their keyset tie-break (the read
// model's row, `doc`), the bounded selection of one page after a cursor, and the order of the
// city facets. The index feeds every hotel of the filtered set through a PageCollector.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "services/search/domain/results.hpp"
#include "services/search/domain/search_query.hpp"

namespace hotel::search::domain {

// Orders by `sort`'s key (price ascending, stars descending, distance ascending), then doc.
bool comes_before(const SortKey& a, const SortKey& b, SortOrder sort);

// A hotel of the filtered set, as the index found it.
struct Hit {
  SortKey key;                        // under the query's sort
  std::int64_t price = 0;             // the price it matches at
  std::optional<double> distance_km;  // near searches
};

// The sort key of a hotel under `sort` (only the part `sort` looks at is used).
SortKey key_for(SortOrder sort, std::int64_t doc, std::int64_t price, int stars,
                double distance_km);

// Keeps the first `limit` hits after the cursor in sort order, and whether more follow: a bounded
// heap of limit + 1, so a filtered set of n hotels costs O(n log limit) and no full sort.
class PageCollector {
 public:
  explicit PageCollector(const SearchQuery& query);

  // Whether a hit with this key would be kept now (after the cursor, and before the worst kept
  // when full); lets the caller skip work for the others.
  bool wants(const SortKey& key) const;
  void offer(Hit hit);

  struct Page {
    std::vector<Hit> hits;  // at most limit, in order
    bool more = false;
  };
  Page take() &&;

 private:
  bool before(const Hit& a, const Hit& b) const { return comes_before(a.key, b.key, sort_); }
  SortOrder sort_;
  std::optional<SortKey> after_;
  std::size_t keep_;
  std::vector<Hit> heap_;  // a max-heap by sort order: the worst kept hit on top
};

// City facets most first, then by city name and country.
bool city_facet_before(const CityCount& a, const CityCount& b);

// Keeps the best `max` city counts offered (city_facet_before order).
class TopCities {
 public:
  explicit TopCities(std::size_t max = kMaxCityFacets) : max_(max) {}
  void offer(const CityCount& city);
  // Whether a city with `count` hotels could enter.
  bool wants(std::int64_t count) const {
    return max_ > 0 && (cities_.size() < max_ || count >= cities_.front().count);
  }
  std::vector<CityCount> take() &&;

 private:
  std::size_t max_;
  std::vector<CityCount> cities_;  // a heap: the worst kept on top
};

}  // namespace hotel::search::domain
