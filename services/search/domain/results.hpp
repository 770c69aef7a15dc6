// What a search answers: one page of hotel summaries, where the next page starts, and (on the
// first page) the facet counts of the whole filtered set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/search/domain/cursor.hpp"
#include "services/search/domain/hotel.hpp"

namespace hotel::search::domain {

inline constexpr std::size_t kMaxCityFacets = 10;

struct HotelSummary {
  std::string id;
  std::string name;
  std::string city;
  std::string country;
  int stars = 0;
  Money price;  // the lowest price of the room types that match the query
  double latitude = 0;
  double longitude = 0;
  std::optional<double> distance_km;  // near searches
  std::optional<std::string> thumbnail_url;
};

struct CityCount {
  std::string city;
  std::string country;
  std::int64_t count = 0;
};

struct StarsCount {
  int stars = 0;
  std::int64_t count = 0;
};

struct Facets {
  std::int64_t total = 0;         // hotels in the filtered set
  std::vector<CityCount> cities;  // the most frequent, most first (then by name)
  std::vector<StarsCount> stars;  // every star rating present, highest first
};

struct SearchPage {
  std::vector<HotelSummary> hotels;
  std::optional<Cursor> next;    // nullopt on the last page
  std::optional<Facets> facets;  // first page only
};

}  // namespace hotel::search::domain
