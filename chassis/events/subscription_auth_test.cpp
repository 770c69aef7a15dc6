// SubscriptionOptions::authorization: the header for a protected feed, asked for before each poll.
#include <gtest/gtest.h>

#include <atomic>

#include "chassis/events/subscription.hpp"
#include "chassis/events/testing/consumer_harness.hpp"
#include "chassis/http/testing/scripted_server.hpp"

namespace hotel::events {
namespace {

// A feed that answers an empty page to "Bearer good" and 401 to anyone else.
std::optional<http::Response> protected_feed(const http::Request& request) {
  if (request.headers.get("Authorization") != "Bearer good") {
    return http::Response::json(401, R"({"code":"unauthorized"})");
  }
  return http::Response::json(200, R"({"events":[],"last_seq":0})");
}

class SubscriptionAuthorizationTest : public ::testing::Test {
 protected:
  SubscriptionOptions options() {
    auto options = harness_.options();
    options.endpoint = feed_.endpoint();
    options.wait = std::chrono::seconds(0);
    return options;
  }

  testing::ConsumerHarness harness_;
  http::testing::ScriptedServer feed_{protected_feed};
  std::atomic<int> asked_{0};
};

TEST_F(SubscriptionAuthorizationTest, SendsTheHeaderBeforeEachPoll) {
  auto options = this->options();
  options.authorization = [this]() -> http::Task<std::string> {
    ++asked_;
    co_return "Bearer good";
  };
  auto subscription = harness_.subscribe(std::move(options));
  subscription->start();
  testing::ConsumerHarness::eventually([&] { return feed_.requests().size() >= 3; });
  EXPECT_TRUE(subscription->stop());
  EXPECT_GE(asked_.load(), 3);
  EXPECT_EQ(subscription->stats().transport_failures, 0);
  for (const auto& request : feed_.requests()) {
    EXPECT_EQ(request.headers.get("Authorization"), "Bearer good");
  }
}

TEST_F(SubscriptionAuthorizationTest, AFailingAuthorizationIsRetriedLikeAnUnreachableFeed) {
  auto options = this->options();
  options.authorization = [this]() -> http::Task<std::string> {
    if (++asked_ <= 2) throw std::runtime_error("identity is down");
    co_return "Bearer good";
  };
  auto subscription = harness_.subscribe(std::move(options));
  subscription->start();
  testing::ConsumerHarness::eventually([&] { return !feed_.requests().empty(); });
  EXPECT_TRUE(subscription->stop());
  EXPECT_EQ(subscription->stats().transport_failures, 2);
}

TEST_F(SubscriptionAuthorizationTest, WithoutAuthorizationAProtectedFeedRefuses) {
  auto subscription = harness_.subscribe(options());
  subscription->start();
  testing::ConsumerHarness::eventually(
      [&] { return subscription->stats().transport_failures >= 2; });
  EXPECT_TRUE(subscription->stop());
  EXPECT_FALSE(feed_.requests().front().headers.has("Authorization"));
}

}  // namespace
}  // namespace hotel::events
