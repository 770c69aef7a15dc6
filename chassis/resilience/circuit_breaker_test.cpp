#include "chassis/resilience/circuit_breaker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <utility>
#include <vector>

namespace hotel::resilience {
namespace {

using std::chrono::milliseconds;

BreakerOptions consecutive(int failures) {
  BreakerOptions options;
  options.consecutive_failures = failures;
  options.failure_ratio = 0;
  options.open_duration = milliseconds(1'000);
  return options;
}

BreakerOptions ratio(double failure_ratio, std::size_t window_calls, std::size_t min_calls) {
  BreakerOptions options;
  options.consecutive_failures = 0;
  options.failure_ratio = failure_ratio;
  options.window_calls = window_calls;
  options.min_calls = min_calls;
  return options;
}

class CircuitBreakerTest : public ::testing::Test {
 protected:
  void fail_times(CircuitBreaker& breaker, int times) {
    for (int i = 0; i < times; ++i) {
      auto permit = breaker.try_acquire();
      ASSERT_TRUE(permit);
      permit->record_failure();
    }
  }
  void succeed_times(CircuitBreaker& breaker, int times) {
    for (int i = 0; i < times; ++i) {
      auto permit = breaker.try_acquire();
      ASSERT_TRUE(permit);
      permit->record_success();
    }
  }

  core::ManualClock clock_;
  std::vector<std::pair<BreakerState, BreakerState>> changes_;
  CircuitBreaker::Listener listener_ = [this](BreakerState from, BreakerState to) {
    changes_.emplace_back(from, to);
  };
};

TEST(CountsAsFailure, OnlyServerErrors) {
  EXPECT_FALSE(counts_as_failure(200));
  EXPECT_FALSE(counts_as_failure(404));
  EXPECT_FALSE(counts_as_failure(429));
  EXPECT_TRUE(counts_as_failure(500));
  EXPECT_TRUE(counts_as_failure(503));
  EXPECT_FALSE(counts_as_failure(600));
}

TEST_F(CircuitBreakerTest, StaysClosedBelowConsecutiveThreshold) {
  CircuitBreaker breaker(consecutive(3), clock_, listener_);
  fail_times(breaker, 2);
  succeed_times(breaker, 1);  // a success resets the run
  fail_times(breaker, 2);
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  EXPECT_TRUE(changes_.empty());
}

TEST_F(CircuitBreakerTest, OpensOnConsecutiveFailures) {
  CircuitBreaker breaker(consecutive(3), clock_, listener_);
  fail_times(breaker, 3);
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
  ASSERT_EQ(changes_.size(), 1u);
  EXPECT_EQ(changes_[0], std::pair(BreakerState::kClosed, BreakerState::kOpen));
  EXPECT_EQ(breaker.stats().opened, 1u);
}

TEST_F(CircuitBreakerTest, OpensOnFailureRatioOnceMinimumCallsSeen) {
  CircuitBreaker breaker(ratio(0.5, 10, 6), clock_, listener_);
  // Alternating: never two failures in a row, but half of the calls fail.
  for (int i = 0; i < 2; ++i) {
    fail_times(breaker, 1);
    succeed_times(breaker, 1);
  }
  fail_times(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::kClosed) << "5 calls are below the minimum";
  succeed_times(breaker, 1);  // 6 calls, 3 failures: 50%
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
}

TEST_F(CircuitBreakerTest, RatioForgetsCallsThatLeftTheWindow) {
  CircuitBreaker breaker(ratio(0.5, 4, 4), clock_, listener_);
  fail_times(breaker, 1);
  succeed_times(breaker, 3);  // window: F S S S = 25%
  fail_times(breaker, 1);     // window: S S S F = 25%
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  fail_times(breaker, 1);  // window: S S F F = 50%
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
}

TEST_F(CircuitBreakerTest, OpenRejectsFastAndTellsWhenToRetry) {
  CircuitBreaker breaker(consecutive(1), clock_, listener_);
  fail_times(breaker, 1);
  EXPECT_FALSE(breaker.try_acquire());
  EXPECT_FALSE(breaker.try_acquire());
  EXPECT_EQ(breaker.stats().rejected, 2u);
  EXPECT_EQ(breaker.retry_after(), milliseconds(1'000));
  clock_.advance(milliseconds(400));
  EXPECT_EQ(breaker.retry_after(), milliseconds(600));
  EXPECT_FALSE(breaker.try_acquire());
}

TEST_F(CircuitBreakerTest, TurnsHalfOpenAfterCoolDown) {
  CircuitBreaker breaker(consecutive(1), clock_, listener_);
  fail_times(breaker, 1);
  clock_.advance(milliseconds(1'000));
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
  EXPECT_EQ(breaker.retry_after(), milliseconds(0));
  auto trial = breaker.try_acquire();
  EXPECT_TRUE(trial);
  ASSERT_EQ(changes_.size(), 2u);
  EXPECT_EQ(changes_[1], std::pair(BreakerState::kOpen, BreakerState::kHalfOpen));
  EXPECT_EQ(breaker.stats().half_opened, 1u);
}

TEST_F(CircuitBreakerTest, HalfOpenLimitsTrialCalls) {
  BreakerOptions options = consecutive(1);
  options.half_open_max_calls = 2;
  options.successes_to_close = 3;
  CircuitBreaker breaker(options, clock_, listener_);
  fail_times(breaker, 1);
  clock_.advance(milliseconds(1'000));
  auto first = breaker.try_acquire();
  auto second = breaker.try_acquire();
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(breaker.try_acquire());
  first->record_success();  // frees a trial slot
  EXPECT_TRUE(breaker.try_acquire()) << "a permit dropped without outcome frees its slot too";
  EXPECT_TRUE(breaker.try_acquire());
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
}

TEST_F(CircuitBreakerTest, HalfOpenClosesAfterEnoughSuccesses) {
  BreakerOptions options = consecutive(1);
  options.successes_to_close = 2;
  CircuitBreaker breaker(options, clock_, listener_);
  fail_times(breaker, 1);
  clock_.advance(milliseconds(1'000));
  succeed_times(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
  succeed_times(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  EXPECT_EQ(changes_.back(), std::pair(BreakerState::kHalfOpen, BreakerState::kClosed));
  EXPECT_EQ(breaker.stats().closed, 1u);
  EXPECT_TRUE(breaker.try_acquire()) << "closed again: calls flow";
}

TEST_F(CircuitBreakerTest, HalfOpenReopensOnFailure) {
  CircuitBreaker breaker(consecutive(1), clock_, listener_);
  fail_times(breaker, 1);
  clock_.advance(milliseconds(1'000));
  fail_times(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
  EXPECT_EQ(breaker.retry_after(), milliseconds(1'000)) << "a fresh cool-down";
  EXPECT_EQ(changes_.back(), std::pair(BreakerState::kHalfOpen, BreakerState::kOpen));
  EXPECT_EQ(breaker.stats().opened, 2u);
}

TEST_F(CircuitBreakerTest, IgnoresOutcomesOfCallsFromBeforeAStateChange) {
  CircuitBreaker breaker(consecutive(1), clock_, listener_);
  auto slow = breaker.try_acquire();
  fail_times(breaker, 1);
  clock_.advance(milliseconds(1'000));
  auto trial = breaker.try_acquire();
  ASSERT_TRUE(slow && trial);
  slow->record_failure();  // from the closed period: must not reopen the half-open breaker
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
  trial->record_success();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, ClosedAgainLetsCallsThroughWhoseOutcomesCount) {
  CircuitBreaker breaker(consecutive(1), clock_, listener_);
  for (int cycle = 0; cycle < 3; ++cycle) {
    fail_times(breaker, 1);
    EXPECT_FALSE(breaker.try_acquire()) << "open: refused " << cycle;
    clock_.advance(milliseconds(1'000));
    succeed_times(breaker, 1);  // the trial closes it
    ASSERT_EQ(breaker.state(), BreakerState::kClosed);
    auto permit = breaker.try_acquire();  // a call of the new closed period
    ASSERT_TRUE(permit);
    permit->record_failure();
    EXPECT_EQ(breaker.state(), BreakerState::kOpen) << "its outcome counts " << cycle;
    clock_.advance(milliseconds(1'000));
    succeed_times(breaker, 1);
  }
}

TEST_F(CircuitBreakerTest, ConcurrentCallsAndTripsKeepItsRules) {
  // Threads acquiring and recording while others trip it: no outcome of a call from before a
  // change moves it, and whatever the interleaving it ends closed after a successful trial.
  CircuitBreaker breaker(consecutive(3), clock_);
  constexpr int kThreads = 4;
  constexpr int kCalls = 5'000;
  std::atomic<int> let_through{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        if (auto permit = breaker.try_acquire()) {
          ++let_through;
          if ((i + t) % 7 == 0) {
            permit->record_failure();
          } else {
            permit->record_success();
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_GT(let_through.load(), 0);
  clock_.advance(milliseconds(1'000));
  if (breaker.state() != BreakerState::kClosed) succeed_times(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  succeed_times(breaker, 5);
}

}  // namespace
}  // namespace hotel::resilience
