#include "chassis/resilience/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hotel::resilience {
namespace {

using std::chrono::milliseconds;

TEST(TokenBucket, AllowsTheBurstThenRefusesWithRetryAfter) {
  core::ManualClock clock;
  TokenBucket bucket({2, 3}, clock);  // 2 per second, burst 3
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(bucket.try_take().allowed);
  const Decision refused = bucket.try_take();
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, milliseconds(500));
}

TEST(TokenBucket, RefillsAtTheRateUpToTheBurst) {
  core::ManualClock clock;
  TokenBucket bucket({2, 3}, clock);
  for (int i = 0; i < 3; ++i) bucket.try_take();
  clock.advance(milliseconds(250));
  EXPECT_EQ(bucket.try_take().retry_after, milliseconds(250));
  clock.advance(milliseconds(250));
  EXPECT_TRUE(bucket.try_take().allowed);
  EXPECT_FALSE(bucket.try_take().allowed);
  clock.advance(std::chrono::hours(1));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(bucket.try_take().allowed);
  EXPECT_FALSE(bucket.try_take().allowed) << "refill stops at the burst";
}

TEST(TokenBucket, CostTakesSeveralTokens) {
  core::ManualClock clock;
  TokenBucket bucket({1, 5}, clock);
  EXPECT_TRUE(bucket.try_take(4).allowed);
  const Decision refused = bucket.try_take(3);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, milliseconds(2'000));
  EXPECT_TRUE(bucket.try_take(1).allowed) << "a refused take costs nothing";
}

TEST(RateLimiter, KeysHaveTheirOwnBuckets) {
  core::ManualClock clock;
  RateLimiter limiter({{1, 2}, 10}, clock);
  EXPECT_TRUE(limiter.try_take("alice").allowed);
  EXPECT_TRUE(limiter.try_take("alice").allowed);
  EXPECT_FALSE(limiter.try_take("alice").allowed);
  EXPECT_TRUE(limiter.try_take("bob").allowed);
  EXPECT_EQ(limiter.keys(), 2u);
}

TEST(RateLimiter, KeyCountStaysBounded) {
  core::ManualClock clock;
  RateLimiter limiter({{1, 1}, 100}, clock);
  for (int i = 0; i < 10'000; ++i) limiter.try_take("10.0.0." + std::to_string(i));
  EXPECT_EQ(limiter.keys(), 100u);
}

TEST(RateLimiter, EvictsTheLeastRecentlyUsedKey) {
  core::ManualClock clock;
  RateLimiter limiter({{1, 1}, 2}, clock);
  EXPECT_TRUE(limiter.try_take("a").allowed);
  EXPECT_TRUE(limiter.try_take("b").allowed);
  EXPECT_FALSE(limiter.try_take("a").allowed);  // "a" is now the most recent
  EXPECT_TRUE(limiter.try_take("c").allowed);   // evicts "b"
  EXPECT_FALSE(limiter.try_take("a").allowed) << "a kept its empty bucket";
  EXPECT_TRUE(limiter.try_take("b").allowed) << "b was forgotten and starts full";
  EXPECT_EQ(limiter.keys(), 2u);
}

}  // namespace
}  // namespace hotel::resilience
