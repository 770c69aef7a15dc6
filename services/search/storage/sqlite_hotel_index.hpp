// HotelIndex over the SQLite read model (schema in migrations.cpp). Price and rating searches
// are one SQL query (plus facet queries on the first page); near searches take the hotels in the
// bounding boxes from the R*Tree and rank them in C++ (domain/ranking.hpp). A search past its
// deadline is interrupted inside SQLite (progress handler).
#pragma once

#include "services/search/storage/hotel_index.hpp"

namespace hotel::store {
class Database;
}

namespace hotel::search::storage {

class SqliteHotelIndex final : public HotelIndex {
 public:
  explicit SqliteHotelIndex(const store::Database& db) : db_(db) {}
  domain::SearchPage search(const domain::SearchQuery& query, Deadline deadline) const override;
  std::optional<std::string> find(const std::string& id, Deadline deadline) const override;

 private:
  const store::Database& db_;
};

}  // namespace hotel::search::storage
