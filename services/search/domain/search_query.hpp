// GET /v1/search's parameters, checked and normalised. Pure: the API layer hands over the
// decoded query parameters and today's date; every refusal names the parameter at fault.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chassis/core/result.hpp"
#include "services/search/domain/cursor.hpp"
#include "services/search/domain/geo.hpp"

namespace hotel::search::domain {

inline constexpr int kDefaultLimit = 20;
inline constexpr int kMaxLimit = 100;
inline constexpr int kMaxNights = 30;
inline constexpr double kDefaultRadiusKm = 25.0;
inline constexpr double kMaxRadiusKm = 500.0;
inline constexpr int kMaxGuests = 50;
inline constexpr std::size_t kMaxTextTerms = 10;

struct Near {
  GeoPoint center;
  double radius_km = kDefaultRadiusKm;
};

struct Stay {
  std::int64_t check_in = 0;  // days since 1970-01-01
  std::int64_t check_out = 0;
};

struct SearchQuery {
  std::optional<std::string> city_key;  // folded prefix (see fold.hpp)
  std::optional<std::string> text;      // an FTS5 match expression over name and description
  std::optional<int> min_stars;
  std::optional<std::int64_t> min_price;  // minor units, per night
  std::optional<std::int64_t> max_price;
  std::optional<int> guests;
  std::optional<Stay> stay;  // validated; availability is not filtered yet
  std::optional<Near> near;
  SortOrder sort = SortOrder::kRating;
  int limit = kDefaultLimit;
  std::optional<SortKey> after;  // from the cursor
  std::string fingerprint;       // of everything above except limit and after

  // Whether a room type has to match (guests or a price bound): the hotel's price is then the
  // lowest price of the room types that match, not its lowest price overall.
  bool filters_offers() const { return guests || min_price || max_price; }
  // Whether any filter narrows the hotels at all.
  bool filtered() const { return city_key || text || min_stars || filters_offers() || near; }
};

struct QueryError {
  std::string field;
  std::string why;
};

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// `today` is the UTC date (days since 1970-01-01) a check_in may not be before.
core::Result<SearchQuery, QueryError> parse_search_query(const QueryParams& params,
                                                         std::int64_t today);

// The FTS5 expression for free text: each word quoted (so no FTS5 syntax gets through), all
// words required, the last one also as a prefix. nullopt when the text holds no word.
std::optional<std::string> text_match(const std::string& text);

}  // namespace hotel::search::domain
