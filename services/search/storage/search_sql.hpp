// Assembles a search's SQL from the fragments of queries.hpp, with its parameters in order.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "services/search/domain/search_query.hpp"

namespace SQLite {
class Statement;
}

namespace hotel::search::storage {

struct Sql {
  using Value = std::variant<std::int64_t, double, std::string>;
  std::string text;
  std::vector<Value> params;

  Sql& add(const char* fragment) {
    text += fragment;
    return *this;
  }
  template <class... Values>
  Sql& add(const char* fragment, Values... values) {
    text += fragment;
    (params.emplace_back(std::move(values)), ...);
    return *this;
  }
  void bind(SQLite::Statement& statement) const;
};

// One page of the filtered set in sort order (price or rating), limit + 1 rows after the cursor.
Sql page_sql(const domain::SearchQuery& query);
// Every hotel of the filtered set (near searches: the boxes narrow it; rank_near does the rest).
Sql candidates_sql(const domain::SearchQuery& query);
// Facet counts of the filtered set.
Sql city_facets_sql(const domain::SearchQuery& query, std::size_t max_cities);
Sql star_facets_sql(const domain::SearchQuery& query);

}  // namespace hotel::search::storage
