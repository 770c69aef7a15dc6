#include "services/search/indexer.hpp"

#include <gtest/gtest.h>

#include "chassis/observe/metrics.hpp"
#include "services/search/testing/read_model_fixture.hpp"

namespace hotel::search {
namespace {

using search::testing::hotel_event;
using search::testing::sample_hotel;

class SearchIndexer : public ::testing::Test {
 protected:
  void apply(const events::Event& event) {
    model_.db().write([&](store::Transaction& tx) { indexer_.apply(tx, event); });
  }
  std::string metrics() const { return registry_.render(); }

  search::testing::ReadModelFixture model_;
  observe::Registry registry_;
  core::ManualClock clock_;
  Indexer indexer_{&registry_, clock_};
};

TEST_F(SearchIndexer, AppliesHotelEventsAndCountsLiveHotels) {
  apply(hotel_event("hotel.created", 1, sample_hotel("h-1", 1)));
  apply(hotel_event("hotel.created", 2, sample_hotel("h-2", 1)));
  apply(hotel_event("hotel.rooms_changed", 3, sample_hotel("h-2", 2)));
  apply(hotel_event("hotel.deleted", 4, boost::json::object{{"id", "h-1"}, {"version", 2}}));
  EXPECT_EQ(model_.count(), 1);
  EXPECT_NE(metrics().find("search_index_hotels 1\n"), std::string::npos) << metrics();
  EXPECT_NE(metrics().find("event_to_index_seconds_count 4\n"), std::string::npos);
}

TEST_F(SearchIndexer, SkipsUnknownTypesAndRefusesMalformedSnapshots) {
  apply(hotel_event("hotel.archived", 1, sample_hotel("h-1", 1)));
  EXPECT_EQ(model_.count(), 0);
  auto broken = sample_hotel("h-1", 1);
  broken.erase("latitude");
  EXPECT_THROW(apply(hotel_event("hotel.created", 2, broken)), domain::MalformedHotel);
  EXPECT_EQ(model_.count(), 0);
  EXPECT_NE(metrics().find("event_to_index_seconds_count 0\n"), std::string::npos);
}

TEST_F(SearchIndexer, FreshnessIsTheTimeFromTheEventToTheCommit) {
  auto event = hotel_event("hotel.created", 1, sample_hotel("h-1", 1));
  event.time = events::format_rfc3339(clock_.system_now() - std::chrono::milliseconds(40));
  apply(event);
  EXPECT_NE(metrics().find("event_to_index_seconds_bucket{le=\"0.025\"} 0\n"), std::string::npos);
  EXPECT_NE(metrics().find("event_to_index_seconds_bucket{le=\"0.05\"} 1\n"), std::string::npos);
}

}  // namespace
}  // namespace hotel::search
