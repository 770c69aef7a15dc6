#include "services/search/api/guarded_index.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include <boost/json/parse.hpp>

#include "chassis/events/testing/local_server.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "services/search/api/routes.hpp"

namespace hotel::search::api {
namespace {

using http::testing::fetch;
using namespace std::chrono_literals;

// An index whose every call fails (a broken disk) or times out, until told otherwise.
class FailingIndex final : public storage::HotelIndex {
 public:
  enum class Mode { kFail, kTimeout, kWork };
  domain::SearchPage search(const domain::SearchQuery&, storage::Deadline) const override {
    answer();
    return {};
  }
  std::optional<std::string> find(const std::string&, storage::Deadline) const override {
    answer();
    return std::string(R"({"id":"h-1"})");
  }
  std::atomic<Mode> mode{Mode::kFail};
  mutable std::atomic<int> calls{0};

 private:
  void answer() const {
    ++calls;
    if (mode == Mode::kFail) throw std::runtime_error("disk I/O error");
    if (mode == Mode::kTimeout) throw storage::IndexTimeout();
  }
};

class SearchBreaker : public ::testing::Test {
 protected:
  SearchBreaker() {
    GuardOptions options;
    options.breaker.consecutive_failures = 3;
    options.breaker.failure_ratio = 0;
    options.breaker.open_duration = 7s;
    server_ = std::make_unique<events::testing::LocalServer>([&](core::Runtime& runtime) {
      guard_ = std::make_unique<GuardedIndex>(index_, runtime, options, nullptr, nullptr, clock_);
      http::Router router;
      add_search_route(router, *guard_, clock_);
      add_hotel_route(router, *guard_);
      return router;
    });
  }
  ~SearchBreaker() override { server_.reset(); }

  http::testing::SimpleResponse get(const std::string& target) {
    return fetch(server_->port(), "GET", target);
  }
  static std::string code(const http::testing::SimpleResponse& response) {
    return std::string(boost::json::parse(response.body).at("code").as_string());
  }

  FailingIndex index_;
  core::ManualClock clock_;
  std::unique_ptr<GuardedIndex> guard_;
  std::unique_ptr<events::testing::LocalServer> server_;
};

TEST_F(SearchBreaker, IndexFailuresAnswer503AndOpenTheBreakerWhichThenFailsFast) {
  for (int i = 0; i < 3; ++i) {
    const auto response = get("/v1/search?city=rome");
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(response.header("Retry-After"), "1");
    EXPECT_EQ(code(response), "search_unavailable");
  }
  EXPECT_EQ(guard_->state(), resilience::BreakerState::kOpen);
  const auto fast = get("/v1/search?city=rome");
  EXPECT_EQ(fast.status, 503);
  EXPECT_EQ(fast.header("Retry-After"), "7");
  EXPECT_NE(fast.body, "null");
  EXPECT_EQ(get("/v1/search/hotels/h-1").status, 503);
  EXPECT_EQ(index_.calls.load(), 3);  // the open breaker did not touch the index
}

TEST_F(SearchBreaker, TimeoutsCountTooAndTheBreakerClosesOnceTheIndexAnswers) {
  index_.mode = FailingIndex::Mode::kTimeout;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(code(get("/v1/search")), "search_timeout");
  EXPECT_EQ(guard_->state(), resilience::BreakerState::kOpen);
  index_.mode = FailingIndex::Mode::kWork;
  clock_.advance(7s);
  const auto trial = get("/v1/search");
  EXPECT_EQ(trial.status, 200);
  EXPECT_EQ(guard_->state(), resilience::BreakerState::kClosed);
  EXPECT_EQ(get("/v1/search/hotels/h-1").body, R"({"id":"h-1"})");
}

TEST_F(SearchBreaker, BadParametersDoNotReachTheIndexNorCountAsFailures) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(get("/v1/search?limit=0").status, 400);
  EXPECT_EQ(index_.calls.load(), 0);
  EXPECT_EQ(guard_->state(), resilience::BreakerState::kClosed);
}

}  // namespace
}  // namespace hotel::search::api
