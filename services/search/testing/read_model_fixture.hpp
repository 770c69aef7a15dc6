// A read model in a temp directory with the search service's migrations and its memory index,
// for storage and API tests: put hotels in through the same apply code as the subscription,
// search through the index.
#pragma once

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "chassis/store/database.hpp"
#include "chassis/store/testing/temp_dir.hpp"
#include "services/search/domain/dates.hpp"
#include "services/search/domain/hotel.hpp"
#include "services/search/domain/search_query.hpp"
#include "services/search/storage/memory_hotel_index.hpp"
#include "services/search/storage/memory_index.hpp"
#include "services/search/storage/migrations.hpp"
#include "services/search/storage/read_model.hpp"
#include "services/search/testing/sample_hotel.hpp"

namespace hotel::search::testing {

class ReadModelFixture {
 public:
  ReadModelFixture() { store::apply_migrations(db_, storage::migrations()); }

  store::Database& db() { return db_; }
  storage::MemoryHotelIndex& index() { return index_; }
  storage::MemoryIndex& memory() { return memory_; }

  storage::Applied put(const boost::json::object& snapshot) {
    const domain::HotelChange change = domain::parse_snapshot(snapshot);
    return db_.write(
        [&](store::Transaction& tx) { return storage::apply_change(tx, change, &memory_); });
  }
  // A hotel from the sample with the fields given replaced.
  storage::Applied put(const std::string& id, std::int64_t version, boost::json::object fields) {
    auto hotel = sample_hotel(id, version);
    for (auto& [key, value] : fields) hotel[key] = value;
    return put(hotel);
  }
  storage::Applied remove(const std::string& id, std::int64_t version) {
    const domain::HotelChange change = domain::HotelDeletion{id, version};
    return db_.write(
        [&](store::Transaction& tx) { return storage::apply_change(tx, change, &memory_); });
  }
  std::int64_t count() {
    return db_.read([](SQLite::Database& conn) { return storage::count_hotels(conn); });
  }

  static std::int64_t today() { return *domain::parse_iso_date("2024-05-01"); }
  static storage::Deadline later() {
    return std::chrono::steady_clock::now() + std::chrono::seconds(30);
  }

  domain::SearchPage search(const domain::QueryParams& params) {
    const auto query = domain::parse_search_query(params, today());
    if (!query) {
      ADD_FAILURE() << query.error().field << ": " << query.error().why;
      return {};
    }
    return index_.search(query.value(), later());
  }
  std::vector<std::string> ids(const domain::QueryParams& params) {
    std::vector<std::string> out;
    for (const auto& h : search(params).hotels) out.push_back(h.id);
    return out;
  }

 private:
  store::testing::TempDir dir_;
  store::Database db_{{.path = dir_.file("search.db"), .readers = 2}};
  storage::MemoryIndex memory_;
  storage::MemoryHotelIndex index_{db_, memory_};
};

}  // namespace hotel::search::testing
