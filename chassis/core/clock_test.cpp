#include "chassis/core/clock.hpp"

#include <gtest/gtest.h>

namespace hotel::core {
namespace {

TEST(CoarseSteadyNow, IsSteadyClockAtMostATickBehind) {
  // The same clock as steady_clock, read as of the last tick: never ahead of it, never far
  // behind, never going back.
  auto last = coarse_steady_now();
  for (int i = 0; i < 10'000; ++i) {
    const auto before = std::chrono::steady_clock::now();
    const auto coarse = coarse_steady_now();
    const auto after = std::chrono::steady_clock::now();
    ASSERT_LE(coarse, after);
    ASSERT_GT(coarse, before - std::chrono::milliseconds(50));  // a tick is 1-4 ms
    ASSERT_GE(coarse, last);
    last = coarse;
  }
}

TEST(CoarseSystemNow, IsSystemClockAtMostATickBehind) {
  for (int i = 0; i < 10'000; ++i) {
    const auto before = std::chrono::system_clock::now();
    const auto coarse = coarse_system_now();
    const auto after = std::chrono::system_clock::now();
    ASSERT_LE(coarse, after);
    ASSERT_GT(coarse, before - std::chrono::milliseconds(50));
  }
}

TEST(Clock, CoarseReadingsOfTheRealClockAreItsOwnAndATestClockGivesItsTime) {
  const Clock& real = SystemClock::instance();
  const auto steady = real.coarse_steady_now();
  EXPECT_LE(steady, std::chrono::steady_clock::now());
  EXPECT_GT(steady, std::chrono::steady_clock::now() - std::chrono::milliseconds(50));
  const auto system = real.coarse_system_now();
  EXPECT_LE(system, std::chrono::system_clock::now());
  EXPECT_GT(system, std::chrono::system_clock::now() - std::chrono::milliseconds(50));

  ManualClock manual;
  manual.advance(std::chrono::seconds(3));
  EXPECT_EQ(manual.coarse_steady_now(), manual.steady_now());
  EXPECT_EQ(manual.coarse_system_now(), manual.system_now());
}

}  // namespace
}  // namespace hotel::core
