#include "services/search/api/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/events/testing/local_server.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "services/search/api/guarded_index.hpp"
#include "services/search/testing/read_model_fixture.hpp"

namespace hotel::search::api {
namespace {

using http::testing::fetch;
namespace json = boost::json;

class SearchRoutes : public ::testing::Test {
 protected:
  SearchRoutes() {
    model_.put(search::testing::sample_hotel("h-1", 1));
    for (int i = 2; i <= 5; ++i) {
      model_.put("h-" + std::to_string(i), 1, {{"city", "Sant Julià de Lòria"}, {"stars", i}});
    }
    server_ = std::make_unique<events::testing::LocalServer>([&](core::Runtime& runtime) {
      guard_ = std::make_unique<GuardedIndex>(model_.index(), runtime, GuardOptions{});
      http::Router router;
      add_search_route(router, *guard_, core::SystemClock::instance());
      add_hotel_route(router, *guard_);
      add_rebuild_route(router, runtime, [this] { ++rebuilds_; });
      return router;
    });
  }
  ~SearchRoutes() override { server_.reset(); }

  json::object get_json(const std::string& target, int status = 200) {
    const auto response = fetch(server_->port(), "GET", target);
    EXPECT_EQ(response.status, status) << target << " " << response.body;
    return json::parse(response.body).as_object();
  }

  search::testing::ReadModelFixture model_;
  std::unique_ptr<GuardedIndex> guard_;
  std::unique_ptr<events::testing::LocalServer> server_;
  std::atomic<int> rebuilds_{0};
};

TEST(SearchRoutePolicies, SearchNeedsASignedInUserAndRebuildTheAdminGroup) {
  search::testing::ReadModelFixture model;
  core::Runtime runtime(1, 1);
  GuardedIndex guard(model.index(), runtime, GuardOptions{});
  http::Router router;
  add_search_route(router, guard, core::SystemClock::instance());
  add_hotel_route(router, guard);
  add_rebuild_route(router, runtime, [] {});
  ASSERT_EQ(router.routes().size(), 3u);
  EXPECT_EQ(router.routes()[0].policy.access.kind, http::Access::Kind::kSignedIn);
  EXPECT_EQ(router.routes()[1].policy.access.kind, http::Access::Kind::kSignedIn);
  EXPECT_EQ(router.routes()[2].policy.access.kind, http::Access::Kind::kGroups);
  EXPECT_EQ(router.routes()[2].policy.access.groups, std::vector<std::string>{"Admin"});
}

TEST_F(SearchRoutes, AnswersAPageWithSummariesCursorAndFacets) {
  const auto body = get_json("/v1/search?city=LORIA&limit=3");
  const auto& hotels = body.at("hotels").as_array();
  ASSERT_EQ(hotels.size(), 3u);
  EXPECT_EQ(hotels[0].at("id"), "h-5");  // highest rating first
  EXPECT_EQ(hotels[0].at("city"), "Sant Julià de Lòria");
  EXPECT_EQ(hotels[0].at("price").at("amount"), 15000);
  EXPECT_TRUE(hotels[0].at("thumbnail_url").is_string());
  EXPECT_FALSE(hotels[0].as_object().contains("distance_km"));
  EXPECT_EQ(body.at("facets").at("total"), 4);
  const std::string cursor(body.at("next_cursor").as_string());
  const auto next = get_json("/v1/search?city=LORIA&limit=3&cursor=" + cursor);
  ASSERT_EQ(next.at("hotels").as_array().size(), 1u);
  EXPECT_EQ(next.at("hotels").at(0).at("id"), "h-2");
  EXPECT_TRUE(next.at("next_cursor").is_null());
  EXPECT_FALSE(next.contains("facets"));
}

TEST_F(SearchRoutes, NearSearchesCarryDistances) {
  const auto body = get_json("/v1/search?city=paulo&lat=-23.5614&lon=-46.6559&radius_km=3");
  ASSERT_EQ(body.at("hotels").as_array().size(), 1u);
  EXPECT_EQ(body.at("hotels").at(0).at("distance_km"), 0.0);
}

TEST_F(SearchRoutes, EveryBadParameterIsA400NamingIt) {
  for (const auto& [target, field] : std::vector<std::pair<std::string, std::string>>{
           {"/v1/search?stars=3", "stars"},
           {"/v1/search?min_stars=x", "min_stars"},
           {"/v1/search?check_in=2020-01-01&check_out=2020-01-02", "check_in"},
           {"/v1/search?sort=distance", "sort"},
           {"/v1/search?cursor=abc", "cursor"},
           {"/v1/search?lat=1", "lon"}}) {
    const auto body = get_json(target, 400);
    EXPECT_EQ(body.at("field").as_string(), field) << target;
    EXPECT_EQ(body.at("code"), "invalid_field") << target;
  }
}

TEST_F(SearchRoutes, TheDetailOfALiveHotelAnd404Otherwise) {
  const auto detail = get_json("/v1/search/hotels/h-1");
  EXPECT_EQ(detail.at("name"), "Grand Hotel Paulista");
  EXPECT_EQ(detail.at("room_types").as_array().size(), 2u);
  EXPECT_FALSE(detail.contains("managers"));
  get_json("/v1/search/hotels/nope", 404);
  model_.remove("h-1", 2);
  get_json("/v1/search/hotels/h-1", 404);
}

TEST_F(SearchRoutes, RebuildIsAccepted) {
  const auto response = fetch(server_->port(), "POST", "/v1/admin/search/rebuild");
  EXPECT_EQ(response.status, 202);
  EXPECT_EQ(rebuilds_.load(), 1);
}

}  // namespace
}  // namespace hotel::search::api
