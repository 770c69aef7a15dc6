#include "chassis/events/admin.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "chassis/events/testing/consumer_harness.hpp"
#include "chassis/events/testing/local_server.hpp"
#include "chassis/http/testing/test_server.hpp"

namespace hotel::events {
namespace {

using http::testing::fetch;
using testing::kSubscription;
using Seqs = std::vector<std::int64_t>;

class AdminTest : public ::testing::Test {
 protected:
  AdminTest() {
    subscription_ = harness_.subscribe(harness_.options());
    server_ = std::make_unique<testing::LocalServer>([&](core::Runtime& runtime) {
      http::Router router;
      add_event_admin_routes(router, harness_.store(), runtime, {subscription_.get()});
      return router;
    });
  }
  ~AdminTest() override { server_.reset(); }

  http::testing::SimpleResponse post(const std::string& target) {
    return fetch(server_->port(), "POST", target);
  }
  boost::json::object get_json(const std::string& target) {
    const auto response = fetch(server_->port(), "GET", target);
    EXPECT_EQ(response.status, 200) << response.body;
    return boost::json::parse(response.body).as_object();
  }

  testing::ConsumerHarness harness_;
  std::unique_ptr<Subscription> subscription_;
  std::unique_ptr<testing::LocalServer> server_;
};

TEST(AdminRoutes, AllRequireTheAdminGroup) {
  http::Router router;
  testing::EventDatabase database;
  ConsumerStore store(database.db());
  core::Runtime runtime(1, 1);
  add_event_admin_routes(router, store, runtime, {});
  ASSERT_EQ(router.routes().size(), 3u);
  for (const auto& route : router.routes()) {
    EXPECT_EQ(route.policy.access.kind, http::Access::Kind::kGroups) << route.pattern;
    EXPECT_EQ(route.policy.access.groups, std::vector<std::string>{"Admin"}) << route.pattern;
  }
}

TEST_F(AdminTest, ListsAndReplaysAParkedEvent) {
  harness_.producer().append("hotel.created", "h-1");
  harness_.producer().append("hotel.created", "poison");
  subscription_->start();
  harness_.wait_for_cursor(2);

  const auto listed = get_json("/v1/admin/dead-letters");
  const auto& letters = listed.at("dead_letters").as_array();
  ASSERT_EQ(letters.size(), 1u);
  const auto& letter = letters[0].as_object();
  EXPECT_EQ(letter.at("subscription").as_string(), kSubscription);
  EXPECT_EQ(letter.at("seq").as_int64(), 2);
  EXPECT_EQ(letter.at("attempts").as_int64(), 3);
  EXPECT_TRUE(letter.at("replayed_at").is_null());
  EXPECT_EQ(letter.at("event").at("subject").as_string(), "poison");
  EXPECT_TRUE(
      get_json("/v1/admin/dead-letters?subscription=other").at("dead_letters").as_array().empty());

  const std::string replay =
      "/v1/admin/dead-letters/" + std::to_string(letter.at("id").as_int64()) + "/replay";
  const auto refused = post(replay);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("replay_failed"), std::string::npos) << refused.body;

  harness_.set_poison(false);
  const auto replayed = post(replay);
  EXPECT_EQ(replayed.status, 200) << replayed.body;
  EXPECT_NE(replayed.body.find("\"replayed\""), std::string::npos) << replayed.body;
  const auto again = post(replay);
  EXPECT_EQ(again.status, 200);
  EXPECT_NE(again.body.find("already_replayed"), std::string::npos) << again.body;
  EXPECT_EQ(harness_.applied(), (Seqs{1, 2}));
  EXPECT_FALSE(get_json("/v1/admin/dead-letters")
                   .at("dead_letters")
                   .as_array()[0]
                   .at("replayed_at")
                   .is_null());
}

TEST_F(AdminTest, ReplayOfABadOrUnknownId) {
  const auto bad = post("/v1/admin/dead-letters/abc/replay");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"field\":\"id\""), std::string::npos) << bad.body;
  EXPECT_EQ(post("/v1/admin/dead-letters/999/replay").status, 404);
}

TEST_F(AdminTest, ResetRebuildsTheReadModel) {
  harness_.producer().append("hotel.created", "h-1");
  harness_.producer().append("hotel.created", "h-2");
  subscription_->start();
  harness_.wait_for_cursor(2);

  EXPECT_EQ(post("/v1/admin/subscriptions/nope/reset").status, 404);
  const auto bad = post(std::string("/v1/admin/subscriptions/") + kSubscription + "/reset?to=x");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"field\":\"to\""), std::string::npos) << bad.body;

  const auto reset = post(std::string("/v1/admin/subscriptions/") + kSubscription + "/reset");
  EXPECT_EQ(reset.status, 200) << reset.body;
  testing::ConsumerHarness::eventually([&] { return harness_.applied().size() == 4; });
  EXPECT_EQ(harness_.applied(), (Seqs{1, 2, 1, 2}));
}

}  // namespace
}  // namespace hotel::events
