#include "services/search/storage/search_sql.hpp"

#include <limits>

#include <SQLiteCpp/SQLiteCpp.h>

#include "services/search/domain/fold.hpp"
#include "services/search/storage/queries.hpp"

namespace hotel::search::storage {
namespace {

using domain::SearchQuery;
using domain::SortOrder;

Sql filtered_set(const SearchQuery& q, const char* head) {
  Sql sql;
  sql.add(head).add(queries::kFilteredSetHead);
  if (q.filters_offers()) {
    sql.add(queries::kPriceMatchingOffer, std::int64_t{q.guests.value_or(0)},
            q.min_price.value_or(0),
            q.max_price.value_or(std::numeric_limits<std::int64_t>::max()));
  } else {
    sql.add(queries::kPriceLowest);
  }
  sql.add(queries::kFilteredSetFrom);
  if (q.city_key) {
    auto range = domain::prefix_range(*q.city_key);
    sql.add(queries::kFilterCity, std::move(range.low), std::move(range.high));
  }
  if (q.text) sql.add(queries::kFilterText, *q.text);
  if (q.min_stars) sql.add(queries::kFilterStars, std::int64_t{*q.min_stars});
  if (q.near) {
    sql.add(queries::kFilterPlacesHead);
    bool first = true;
    for (const auto& box : domain::bounding_boxes(q.near->center, q.near->radius_km)) {
      if (!first) sql.add(queries::kOr);
      first = false;
      sql.add(queries::kPlaceBox, box.min_latitude, box.max_latitude, box.min_longitude,
              box.max_longitude);
    }
    sql.add(queries::kFilterPlacesTail);
  }
  sql.add(queries::kMatching);
  return sql;
}

}  // namespace

void Sql::bind(SQLite::Statement& statement) const {
  int index = 1;
  for (const auto& value : params) {
    std::visit([&](const auto& v) { statement.bind(index, v); }, value);
    ++index;
  }
}

Sql page_sql(const SearchQuery& q) {
  Sql sql = filtered_set(q, queries::kPageHead);
  const auto limit = std::int64_t{q.limit} + 1;
  if (q.sort == SortOrder::kPrice) {
    if (q.after) sql.add(queries::kAfterPrice, q.after->number, q.after->id);
    sql.add(queries::kOrderPrice, limit);
  } else {
    if (q.after) sql.add(queries::kAfterRating, q.after->number, q.after->number, q.after->id);
    sql.add(queries::kOrderRating, limit);
  }
  return sql;
}

Sql candidates_sql(const SearchQuery& q) { return filtered_set(q, queries::kCandidatesHead); }

Sql city_facets_sql(const SearchQuery& q, std::size_t max_cities) {
  return filtered_set(q, queries::kCityFacetsHead)
      .add(queries::kCityFacetsTail, static_cast<std::int64_t>(max_cities));
}

Sql star_facets_sql(const SearchQuery& q) {
  return filtered_set(q, queries::kStarFacetsHead).add(queries::kStarFacetsTail);
}

}  // namespace hotel::search::storage
