#include "chassis/resilience/bulkhead.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace hotel::resilience {
namespace {

TEST(Bulkhead, CapsCallsInFlight) {
  Bulkhead bulkhead(2);
  auto first = bulkhead.try_enter();
  auto second = bulkhead.try_enter();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(bulkhead.in_flight(), 2u);
  EXPECT_FALSE(bulkhead.try_enter());
  EXPECT_FALSE(bulkhead.try_enter());
  EXPECT_EQ(bulkhead.rejected(), 2u);
  EXPECT_EQ(bulkhead.in_flight(), 2u);
}

TEST(Bulkhead, SlotsReleaseOnDestruction) {
  Bulkhead bulkhead(1);
  {
    auto slot = bulkhead.try_enter();
    ASSERT_TRUE(slot);
    EXPECT_FALSE(bulkhead.try_enter());
  }
  EXPECT_EQ(bulkhead.in_flight(), 0u);
  EXPECT_TRUE(bulkhead.try_enter());
}

TEST(Bulkhead, MovedSlotReleasesOnce) {
  Bulkhead bulkhead(3);
  std::vector<Bulkhead::Slot> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::move(*bulkhead.try_enter()));
  EXPECT_EQ(bulkhead.in_flight(), 3u);
  held.erase(held.begin());
  EXPECT_EQ(bulkhead.in_flight(), 2u);
  held.clear();
  EXPECT_EQ(bulkhead.in_flight(), 0u);
}

TEST(Bulkhead, ZeroCapacityRejectsEverything) {
  Bulkhead bulkhead(0);
  EXPECT_FALSE(bulkhead.try_enter());
  EXPECT_EQ(bulkhead.rejected(), 1u);
}

}  // namespace
}  // namespace hotel::resilience
