// Ranking of near searches in C++: the index hands over the hotels in the bounding boxes that
// pass the other filters; this keeps those within the radius, counts facets, sorts and cuts one
// page after the cursor.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "services/search/domain/results.hpp"
#include "services/search/domain/search_query.hpp"

namespace hotel::search::domain {

// Orders by `sort`'s key (price ascending, stars descending, distance ascending), then id.
bool comes_before(const SortKey& a, const SortKey& b, SortOrder sort);

struct Candidate {
  std::int64_t doc = 0;  // the index's row, to fetch the summary of a page member
  std::string id;
  GeoPoint at;
  int stars = 0;
  std::int64_t price = 0;
  std::string city;
  std::string country;
  double distance_km = 0;  // set by rank_near
};

struct Ranked {
  std::vector<Candidate> page;  // at most query.limit, in order
  bool more = false;            // hotels follow the page
  std::optional<Facets> facets;
};

Ranked rank_near(std::vector<Candidate> candidates, const SearchQuery& query);

// Facet counts over a set of (city, country, stars).
class FacetCounter {
 public:
  void add(const std::string& city, const std::string& country, int stars);
  Facets facets(std::size_t max_cities = kMaxCityFacets) const;

 private:
  std::map<std::pair<std::string, std::string>, std::int64_t> cities_;
  std::int64_t stars_[6] = {};
  std::int64_t total_ = 0;
};

}  // namespace hotel::search::domain
