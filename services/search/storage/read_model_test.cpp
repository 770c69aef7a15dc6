#include "services/search/storage/read_model.hpp"

#include <gtest/gtest.h>

#include "services/search/testing/read_model_fixture.hpp"

namespace hotel::search::storage {
namespace {

using Ids = std::vector<std::string>;

class SearchReadModel : public ::testing::Test {
 protected:
  search::testing::ReadModelFixture model_;
  int rows(const char* sql) {
    return model_.db().read([&](SQLite::Database& db) { return db.execAndGet(sql).getInt(); });
  }
};

TEST_F(SearchReadModel, InsertsAHotelFindableByEveryIndex) {
  EXPECT_EQ(model_.put(search::testing::sample_hotel("h-1", 1)), Applied::kInserted);
  EXPECT_EQ(model_.count(), 1);
  EXPECT_EQ(model_.ids({{"city", "paulo"}}), Ids{"h-1"});
  EXPECT_EQ(model_.ids({{"q", "rooftop"}}), Ids{"h-1"});
  EXPECT_EQ(model_.ids({{"lat", "-23.56"}, {"lon", "-46.65"}, {"radius_km", "5"}}), Ids{"h-1"});
  const auto detail = model_.index().find("h-1", model_.later());
  ASSERT_TRUE(detail.has_value());
  EXPECT_NE(detail->find("Grand Hotel Paulista"), std::string::npos);
  EXPECT_EQ(detail->find("u-manager"), std::string::npos);
}

TEST_F(SearchReadModel, AnUpdateReplacesWhatTheIndexesKnew) {
  model_.put(search::testing::sample_hotel("h-1", 1));
  EXPECT_EQ(model_.put("h-1", 2,
                       {{"city", "Rio de Janeiro"},
                        {"name", "Copacabana Inn"},
                        {"latitude", -22.97},
                        {"longitude", -43.18}}),
            Applied::kUpdated);
  EXPECT_TRUE(model_.ids({{"city", "sao"}}).empty());
  EXPECT_TRUE(model_.ids({{"q", "Grand"}}).empty());
  EXPECT_TRUE(model_.ids({{"lat", "-23.56"}, {"lon", "-46.65"}, {"radius_km", "5"}}).empty());
  EXPECT_EQ(model_.ids({{"city", "janeiro"}}), Ids{"h-1"});
  EXPECT_EQ(model_.ids({{"q", "copacabana"}}), Ids{"h-1"});
  EXPECT_EQ(model_.count(), 1);
  EXPECT_EQ(rows("SELECT count(*) FROM hotel_offers"), 2);
}

TEST_F(SearchReadModel, OlderOrRepeatedVersionsAreIgnored) {
  model_.put("h-1", 3, {{"name", "Third"}});
  EXPECT_EQ(model_.put("h-1", 2, {{"name", "Second"}}), Applied::kIgnored);
  EXPECT_EQ(model_.put("h-1", 3, {{"name", "Third again"}}), Applied::kIgnored);
  EXPECT_EQ(model_.search({}).hotels.at(0).name, "Third");
}

TEST_F(SearchReadModel, ADeletionLeavesATombstoneThatOlderUpdatesCannotPass) {
  model_.put(search::testing::sample_hotel("h-1", 1));
  EXPECT_EQ(model_.remove("h-1", 2), Applied::kDeleted);
  EXPECT_EQ(model_.count(), 0);
  EXPECT_FALSE(model_.index().find("h-1", model_.later()).has_value());
  EXPECT_EQ(model_.put(search::testing::sample_hotel("h-1", 1)), Applied::kIgnored);
  EXPECT_EQ(model_.put(search::testing::sample_hotel("h-1", 2)), Applied::kIgnored);
  EXPECT_EQ(model_.remove("h-1", 2), Applied::kIgnored);
  EXPECT_TRUE(model_.ids({}).empty());
  EXPECT_EQ(rows("SELECT count(*) FROM hotel_offers") + rows("SELECT count(*) FROM hotel_details"),
            0);
  EXPECT_EQ(model_.put(search::testing::sample_hotel("h-1", 3)), Applied::kInserted);
  EXPECT_EQ(rows("SELECT count(*) FROM hotel_tombstones"), 0);
}

TEST_F(SearchReadModel, ADeletionBeforeTheCreationKeepsTheHotelOut) {
  EXPECT_EQ(model_.remove("h-1", 2), Applied::kIgnored);
  EXPECT_EQ(model_.put(search::testing::sample_hotel("h-1", 1)), Applied::kIgnored);
  EXPECT_EQ(model_.count(), 0);
}

TEST_F(SearchReadModel, ClearEmptiesEverything) {
  model_.put(search::testing::sample_hotel("h-1", 1));
  model_.put(search::testing::sample_hotel("h-2", 1));
  model_.remove("h-2", 2);
  model_.db().write([&](store::Transaction& tx) { clear_read_model(tx, &model_.memory()); });
  EXPECT_EQ(model_.count(), 0);
  EXPECT_EQ(rows("SELECT count(*) FROM hotels") + rows("SELECT count(*) FROM hotel_tombstones") +
                rows("SELECT count(*) FROM hotel_offers"),
            0);
  EXPECT_TRUE(model_.ids({{"q", "rooftop"}}).empty());
  EXPECT_EQ(model_.put(search::testing::sample_hotel("h-2", 1)), Applied::kInserted);
}

TEST_F(SearchReadModel, LiveDeltaCountsHotels) {
  EXPECT_EQ(live_delta(Applied::kInserted), 1);
  EXPECT_EQ(live_delta(Applied::kDeleted), -1);
  EXPECT_EQ(live_delta(Applied::kUpdated), 0);
  EXPECT_EQ(live_delta(Applied::kIgnored), 0);
}

}  // namespace
}  // namespace hotel::search::storage
