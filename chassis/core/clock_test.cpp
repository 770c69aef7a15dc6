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

}  // namespace
}  // namespace hotel::core
