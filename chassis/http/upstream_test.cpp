#include "chassis/http/upstream.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/testing/scripted_server.hpp"
#include "chassis/resilience/testing/fixed_random.hpp"

namespace hotel::http {
namespace {

using resilience::BreakerState;
using std::chrono::milliseconds;
using testing::ScriptedServer;

class FakeResolver final : public discovery::Resolver {
 public:
  std::vector<Endpoint> resolve(const std::string& service) const override {
    std::lock_guard lock(mutex_);
    auto found = services_.find(service);
    return found == services_.end() ? std::vector<Endpoint>{} : found->second;
  }
  void set(const std::string& service, std::vector<Endpoint> endpoints) {
    std::lock_guard lock(mutex_);
    services_[service] = std::move(endpoints);
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Endpoint>> services_;
};

std::optional<Response> ok(const Request&) { return Response::text(200, "ok"); }
std::optional<Response> unavailable(const Request&) { return Response::text(503, "down"); }
std::optional<Response> silent(const Request&) { return std::nullopt; }

class UpstreamTest : public ::testing::Test {
 protected:
  UpstreamTest() {
    runtime_.start();
    resolver_.set("inventory", {first_.endpoint(), second_.endpoint()});
    options_.breaker.consecutive_failures = 2;
    options_.breaker.failure_ratio = 0;
    options_.retry = {3, milliseconds(10), milliseconds(100)};
    options_.on_breaker_change = [this](const std::string&, const Endpoint& endpoint, BreakerState,
                                        BreakerState to) {
      std::lock_guard lock(mutex_);
      changes_.emplace_back(endpoint.port, to);
    };
  }

  Upstream make() { return Upstream("inventory", resolver_, client_, options_, clock_, &random_); }
  std::unique_ptr<Upstream> make_pointer() {
    return std::make_unique<Upstream>("inventory", resolver_, client_, options_, clock_, &random_);
  }

  std::future<Response> start(Upstream& upstream, Request request, CallOptions options = {}) {
    return boost::asio::co_spawn(runtime_.io(), upstream.send(std::move(request), options),
                                 boost::asio::use_future);
  }
  Response call(Upstream& upstream, Request request, CallOptions options = {}) {
    return start(upstream, std::move(request), options).get();
  }

  static Request request(Method method, const std::string& idempotency_key = {}) {
    Request out;
    out.method = method;
    out.target = "/v1/rooms";
    if (!idempotency_key.empty()) out.headers.set("Idempotency-Key", idempotency_key);
    return out;
  }

  core::Runtime runtime_{2, 1};
  ScriptedServer first_{ok};
  ScriptedServer second_{ok};
  FakeResolver resolver_;
  HttpClient client_{runtime_};
  core::ManualClock clock_;
  resilience::testing::FixedRandom random_{0.0};
  UpstreamOptions options_;
  std::mutex mutex_;
  std::vector<std::pair<std::uint16_t, BreakerState>> changes_;
};

TEST_F(UpstreamTest, SpreadsCallsRoundRobin) {
  Upstream upstream = make();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(call(upstream, request(Method::kGet)).status, 200);
  EXPECT_EQ(first_.requests().size(), 2u);
  EXPECT_EQ(second_.requests().size(), 2u);
}

TEST_F(UpstreamTest, RetriesAnIdempotentCallOnTheNextEndpoint) {
  first_.set_handler(unavailable);
  Upstream upstream = make();
  for (int i = 0; i < 2; ++i) EXPECT_EQ(call(upstream, request(Method::kGet)).status, 200);
  // Round robin starts each call on the failing endpoint; the retry goes on to the next one.
  EXPECT_EQ(first_.requests().size(), 2u);
  EXPECT_EQ(second_.requests().size(), 2u);
}

TEST_F(UpstreamTest, RetriesPostOnlyWithIdempotencyKey) {
  first_.set_handler(unavailable);
  second_.set_handler(unavailable);
  options_.breaker.consecutive_failures = 100;
  Upstream upstream = make();
  EXPECT_EQ(call(upstream, request(Method::kPost)).status, 503) << "5xx passes through";
  EXPECT_EQ(first_.requests().size() + second_.requests().size(), 1u);
  EXPECT_EQ(call(upstream, request(Method::kPost, "key-1")).status, 503);
  EXPECT_EQ(first_.requests().size() + second_.requests().size(), 4u) << "1 + 3 attempts";
}

TEST_F(UpstreamTest, CallOptionsCapTheAttempts) {
  first_.set_handler(unavailable);
  second_.set_handler(unavailable);
  options_.breaker.consecutive_failures = 100;
  Upstream upstream = make();
  CallOptions once;
  once.max_attempts = 1;
  EXPECT_EQ(call(upstream, request(Method::kGet), once).status, 503);
  EXPECT_EQ(first_.requests().size() + second_.requests().size(), 1u) << "no retry";
  CallOptions twice;
  twice.max_attempts = 2;
  EXPECT_EQ(call(upstream, request(Method::kGet), twice).status, 503);
  EXPECT_EQ(first_.requests().size() + second_.requests().size(), 3u) << "1 + 2 attempts";
}

TEST_F(UpstreamTest, ClientErrorsAreNotRetried) {
  first_.set_handler([](const Request&) { return Response::text(404, "no such room"); });
  Upstream upstream = make();
  EXPECT_EQ(call(upstream, request(Method::kGet)).status, 404);
  EXPECT_EQ(first_.requests().size() + second_.requests().size(), 1u);
  EXPECT_EQ(upstream.health()[0].state, BreakerState::kClosed) << "4xx is the caller's fault";
}

TEST_F(UpstreamTest, SkipsAnEndpointWhoseBreakerIsOpen) {
  first_.set_handler(unavailable);
  Upstream upstream = make();
  for (int i = 0; i < 6; ++i) EXPECT_EQ(call(upstream, request(Method::kGet)).status, 200);
  EXPECT_EQ(first_.requests().size(), 2u) << "two failures opened its breaker";
  const auto health = upstream.health();
  ASSERT_EQ(health.size(), 2u);
  EXPECT_EQ(health[0].service, "inventory");
  EXPECT_EQ(health[0].endpoint, first_.endpoint());
  EXPECT_EQ(health[0].state, BreakerState::kOpen);
  EXPECT_EQ(health[1].state, BreakerState::kClosed);
  std::lock_guard lock(mutex_);
  ASSERT_EQ(changes_.size(), 1u);
  EXPECT_EQ(changes_[0], std::pair(first_.endpoint().port, BreakerState::kOpen));
}

TEST_F(UpstreamTest, EachUpstreamHasItsOwnBreakersOnTheSameThread) {
  // The loop thread remembers the breakers it used; another upstream of the same endpoints, or
  // one made where a destroyed one was, must not get them.
  first_.set_handler(unavailable);
  for (int round = 0; round < 2; ++round) {
    auto tripped = make_pointer();
    for (int i = 0; i < 4; ++i) call(*tripped, request(Method::kGet));
    ASSERT_EQ(tripped->health()[0].state, BreakerState::kOpen) << round;
    Upstream other = make();
    EXPECT_EQ(other.health()[0].state, BreakerState::kClosed) << round;
    const std::size_t before = first_.requests().size();
    call(other, request(Method::kGet));  // its turn starts at the first endpoint
    EXPECT_EQ(first_.requests().size(), before + 1) << "not skipped: its breaker is closed";
    tripped.reset();
    const auto next = make_pointer();  // likely where the tripped one was
    const std::size_t now = first_.requests().size();
    call(*next, request(Method::kGet));
    EXPECT_EQ(first_.requests().size(), now + 1) << round;
  }
}

TEST_F(UpstreamTest, ConnectFailuresCountAgainstTheEndpoint) {
  const Endpoint closed = testing::closed_endpoint();
  resolver_.set("inventory", {closed, second_.endpoint()});
  Upstream upstream = make();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(call(upstream, request(Method::kGet)).status, 200);
  EXPECT_EQ(upstream.health()[0].state, BreakerState::kOpen);
}

TEST_F(UpstreamTest, EveryBreakerOpenIsUnavailableWithRetryAfter) {
  first_.set_handler(unavailable);
  second_.set_handler(unavailable);
  options_.breaker.open_duration = milliseconds(7'500);
  Upstream upstream = make();
  EXPECT_EQ(call(upstream, request(Method::kGet)).status, 503);
  EXPECT_EQ(call(upstream, request(Method::kGet)).status, 503);
  try {
    call(upstream, request(Method::kGet));
    FAIL() << "expected Unavailable";
  } catch (const Unavailable& error) {
    EXPECT_EQ(error.status(), 503);
    EXPECT_EQ(error.retry_after_s(), 8);
  }
}

TEST_F(UpstreamTest, NoKnownEndpointIsUnavailable) {
  resolver_.set("inventory", {});
  Upstream upstream = make();
  EXPECT_THROW(call(upstream, request(Method::kGet)), Unavailable);
}

TEST_F(UpstreamTest, RetryBudgetLimitsRetries) {
  first_.set_handler(unavailable);
  second_.set_handler(unavailable);
  options_.breaker.consecutive_failures = 100;
  options_.retry_budget = {0.0, 0.0, milliseconds(10'000)};
  Upstream upstream = make();
  EXPECT_EQ(call(upstream, request(Method::kGet)).status, 503);
  EXPECT_EQ(first_.requests().size() + second_.requests().size(), 1u);
}

TEST_F(UpstreamTest, NoRetryPastTheDeadline) {
  first_.set_handler(silent);
  resolver_.set("inventory", {first_.endpoint()});
  random_.set(0.999);
  options_.retry = {3, milliseconds(60'000), milliseconds(60'000)};
  Upstream upstream = make();
  RequestContext context;
  context.deadline = std::chrono::steady_clock::now() + milliseconds(300);
  CallOptions options;
  options.context = &context;
  try {
    call(upstream, request(Method::kGet), options);
    FAIL() << "expected a timeout";
  } catch (const ClientError& error) {
    EXPECT_EQ(error.kind(), ClientError::Kind::kTimeout);
  }
  EXPECT_EQ(first_.requests().size(), 1u) << "a one-minute pause does not fit the deadline";
}

TEST_F(UpstreamTest, FullBulkheadIsUnavailable) {
  first_.set_handler(silent);
  resolver_.set("inventory", {first_.endpoint()});
  options_.max_in_flight = 1;
  options_.retry.max_attempts = 1;
  Upstream upstream = make();
  CallOptions options;
  options.timeout = milliseconds(500);
  auto hanging = start(upstream, request(Method::kGet), options);
  while (first_.requests().empty()) std::this_thread::sleep_for(milliseconds(1));
  EXPECT_THROW(call(upstream, request(Method::kGet)), Unavailable);
  EXPECT_THROW(hanging.get(), ClientError);
  first_.set_handler(ok);
  EXPECT_EQ(call(upstream, request(Method::kGet)).status, 200) << "the slot came back";
}

}  // namespace
}  // namespace hotel::http
