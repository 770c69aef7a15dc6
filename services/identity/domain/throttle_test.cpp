#include "services/identity/domain/throttle.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::domain {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kStart = TimePoint(seconds(1'700'000'000));
const ThrottleRule kRule{.max_failures = 5, .window = minutes(15), .lockout = minutes(15)};

AttemptLog failures(int count, seconds apart = seconds(1)) {
  AttemptLog log;
  for (int i = 0; i < count; ++i) log.record(kRule, kStart + apart * i);
  return log;
}

TEST(IdentityThrottle, StaysOpenBelowTheLimit) {
  const AttemptLog log = failures(4);
  EXPECT_EQ(log.locked_for(kRule, kStart + seconds(4)), std::nullopt);
}

TEST(IdentityThrottle, LocksAtTheLimitUntilTheLockoutRunsOut) {
  const AttemptLog log = failures(5);  // the last at kStart + 4s
  EXPECT_EQ(log.locked_for(kRule, kStart + seconds(4)), minutes(15));
  EXPECT_EQ(log.locked_for(kRule, kStart + seconds(4) + minutes(10)), minutes(5));
  EXPECT_EQ(log.locked_for(kRule, kStart + seconds(4) + minutes(15)), std::nullopt);
}

TEST(IdentityThrottle, RetryAfterRoundsUpToWholeSeconds) {
  const AttemptLog log = failures(5);
  const auto almost = kStart + seconds(4) + minutes(15) - std::chrono::milliseconds(1);
  EXPECT_EQ(log.locked_for(kRule, almost), seconds(1));
}

TEST(IdentityThrottle, FailuresSpreadWiderThanTheWindowDoNotLock) {
  const AttemptLog log = failures(5, minutes(4));  // 16 minutes from first to last
  EXPECT_EQ(log.locked_for(kRule, kStart + minutes(16)), std::nullopt);
}

TEST(IdentityThrottle, AfterTheLockoutFreshFailuresAreNeededToLockAgain) {
  AttemptLog log = failures(5);
  const auto reopened = kStart + seconds(5) + minutes(15);
  log.record(kRule, reopened);
  EXPECT_EQ(log.locked_for(kRule, reopened), std::nullopt);
  for (int i = 1; i < 5; ++i) log.record(kRule, reopened + seconds(i));
  EXPECT_EQ(log.locked_for(kRule, reopened + seconds(4)), minutes(15));
}

TEST(IdentityThrottle, ForgivingAnAttemptTakesItBack) {
  AttemptLog log = failures(4);
  const auto pending = kStart + seconds(10);
  log.record(kRule, pending);
  EXPECT_TRUE(log.locked_for(kRule, pending).has_value());
  EXPECT_TRUE(log.forgive(pending));
  EXPECT_EQ(log.locked_for(kRule, pending), std::nullopt);
  EXPECT_FALSE(log.forgive(pending));
}

TEST(IdentityThrottle, KeepsOnlyWhatCanStillMatter) {
  AttemptLog log = failures(12);
  EXPECT_EQ(log.attempts().size(), 5u);
  log.record(kRule, kStart + minutes(31) + seconds(12));
  EXPECT_EQ(log.attempts().size(), 1u);
}

TEST(IdentityThrottle, LoadsAttemptsInAnyOrder) {
  const AttemptLog log({kStart + seconds(3), kStart, kStart + seconds(1)});
  EXPECT_EQ(log.attempts().front(), kStart);
  EXPECT_EQ(log.attempts().back(), kStart + seconds(3));
}

}  // namespace
}  // namespace hotel::identity::domain
