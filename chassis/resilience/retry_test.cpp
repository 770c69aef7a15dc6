#include "chassis/resilience/retry.hpp"

#include <gtest/gtest.h>

#include "chassis/resilience/testing/fixed_random.hpp"

namespace hotel::resilience {
namespace {

using std::chrono::milliseconds;

TEST(RetryPolicy, FullJitterSpansZeroToTheExponentialCeiling) {
  const RetryPolicy policy{5, milliseconds(100), milliseconds(1'000)};
  testing::FixedRandom random(0.0);
  EXPECT_EQ(policy.delay(0, random), milliseconds(0));
  EXPECT_EQ(policy.delay(3, random), milliseconds(0));
  random.set(0.5);
  EXPECT_EQ(policy.delay(0, random), milliseconds(50));
  EXPECT_EQ(policy.delay(1, random), milliseconds(100));
  EXPECT_EQ(policy.delay(2, random), milliseconds(200));
  random.set(0.999);
  EXPECT_LT(policy.delay(0, random), milliseconds(100));
  EXPECT_LT(policy.delay(2, random), milliseconds(400));
}

TEST(RetryPolicy, DelayNeverExceedsTheMaximum) {
  const RetryPolicy policy{5, milliseconds(100), milliseconds(1'000)};
  testing::FixedRandom random(0.999);
  EXPECT_LT(policy.delay(4, random), milliseconds(1'000));
  EXPECT_LT(policy.delay(64, random), milliseconds(1'000)) << "no overflow for large attempts";
  EXPECT_LT(policy.delay(100'000, random), milliseconds(1'000));
  random.set(0.5);
  EXPECT_EQ(policy.delay(10, random), milliseconds(500));
}

TEST(MayRetry, IdempotentMethodsAlways) {
  for (auto method : {http::Method::kGet, http::Method::kHead, http::Method::kOptions,
                      http::Method::kPut, http::Method::kDelete}) {
    EXPECT_TRUE(may_retry(method, false));
  }
}

TEST(MayRetry, PostAndPatchOnlyWithIdempotencyKey) {
  EXPECT_FALSE(may_retry(http::Method::kPost, false));
  EXPECT_FALSE(may_retry(http::Method::kPatch, false));
  EXPECT_TRUE(may_retry(http::Method::kPost, true));
  EXPECT_TRUE(may_retry(http::Method::kPatch, true));
  EXPECT_FALSE(may_retry(http::Method::kOther, true));
}

class RetryBudgetTest : public ::testing::Test {
 protected:
  int spend_all(RetryBudget& budget) {
    int spent = 0;
    while (budget.try_spend_retry() && spent < 100'000) ++spent;
    return spent;
  }
  core::ManualClock clock_;
};

TEST_F(RetryBudgetTest, MinimumRetriesWithoutTraffic) {
  RetryBudget budget({0.2, 2, milliseconds(10'000)}, clock_);
  EXPECT_EQ(spend_all(budget), 20);  // 2 per second over 10 s
  EXPECT_FALSE(budget.try_spend_retry());
}

TEST_F(RetryBudgetTest, RatioOfRequestsOnTopOfTheMinimum) {
  RetryBudget budget({0.2, 0, milliseconds(10'000)}, clock_);
  EXPECT_FALSE(budget.try_spend_retry());
  for (int i = 0; i < 100; ++i) budget.record_request();
  EXPECT_EQ(spend_all(budget), 20);
  budget.record_request();
  budget.record_request();
  budget.record_request();
  budget.record_request();
  budget.record_request();
  EXPECT_EQ(spend_all(budget), 1) << "each 5 requests earn one retry";
}

TEST_F(RetryBudgetTest, RefillsAsTheWindowSlides) {
  RetryBudget budget({0.5, 0, milliseconds(10'000)}, clock_);
  for (int i = 0; i < 10; ++i) budget.record_request();
  EXPECT_EQ(spend_all(budget), 5);
  clock_.advance(milliseconds(5'000));
  EXPECT_FALSE(budget.try_spend_retry()) << "the spent retries are still in the window";
  for (int i = 0; i < 10; ++i) budget.record_request();
  EXPECT_EQ(spend_all(budget), 5);
  clock_.advance(milliseconds(5'500));  // the first requests and retries left the window
  EXPECT_FALSE(budget.try_spend_retry()) << "10 requests, 5 retries still in the window";
  clock_.advance(milliseconds(5'000));  // everything left the window
  for (int i = 0; i < 4; ++i) budget.record_request();
  EXPECT_EQ(spend_all(budget), 2);
}

}  // namespace
}  // namespace hotel::resilience
