#include "chassis/auth/token_cache.hpp"

#include <gtest/gtest.h>

namespace hotel::auth {
namespace {

using std::chrono::seconds;
using TimePoint = TokenCache::TimePoint;

const TimePoint kNow{seconds(1'700'000'000)};

std::shared_ptr<const Principal> principal(std::string sub) {
  auto p = std::make_shared<Principal>();
  p->sub = std::move(sub);
  return p;
}

TEST(TokenCache, KeysAreSha256OfTheToken) {
  EXPECT_EQ(TokenCache::key_of("a").size(), 32u);
  EXPECT_NE(TokenCache::key_of("a"), TokenCache::key_of("b"));
}

TEST(TokenCache, HitsUntilValidUntil) {
  TokenCache cache(10);
  cache.insert("k", principal("alice"), kNow + seconds(10));
  EXPECT_EQ(cache.find("k", kNow)->sub, "alice");
  EXPECT_EQ(cache.find("k", kNow + seconds(9))->sub, "alice");
  EXPECT_EQ(cache.find("k", kNow + seconds(10)), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.find("other", kNow), nullptr);
}

TEST(TokenCache, EvictsTheOldestWhenFull) {
  TokenCache cache(2);
  cache.insert("a", principal("a"), kNow + seconds(10));
  cache.insert("b", principal("b"), kNow + seconds(10));
  cache.insert("a", principal("a2"), kNow + seconds(10));  // re-inserted: now the newest
  cache.insert("c", principal("c"), kNow + seconds(10));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find("b", kNow), nullptr);
  EXPECT_EQ(cache.find("a", kNow)->sub, "a2");
  EXPECT_NE(cache.find("c", kNow), nullptr);
}

TEST(TokenCache, CapacityZeroKeepsNothing) {
  TokenCache cache(0);
  cache.insert("a", principal("a"), kNow + seconds(10));
  EXPECT_EQ(cache.find("a", kNow), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace hotel::auth
