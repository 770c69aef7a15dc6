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

TEST(TokenCache, KeysAreTheSignatureDigestAndTheSignedPart) {
  const TokenCache cache(10);
  const auto parts = cache.key_of("header.payload.signature");
  EXPECT_EQ(parts.signed_part, "header.payload");
  EXPECT_EQ(parts.digest, cache.key_of("other.part.signature").digest);  // the signature's alone
  EXPECT_NE(parts.digest, cache.key_of("header.payload.signaturf").digest);
  EXPECT_NE(parts.digest, cache.key_of("header.payload.signatur").digest);
  EXPECT_NE(parts.digest, TokenCache::Digest{});
  const auto undotted = cache.key_of("opaque");
  EXPECT_EQ(undotted.digest, cache.key_of("x.opaque").digest);
  EXPECT_EQ(undotted.signed_part, "");
  EXPECT_EQ(cache.key_of("").signed_part, "");
  EXPECT_EQ(cache.key_of("a.").signed_part, "a");
}

TEST(TokenCache, DigestsAreKeyedPerCache) {
  // Each cache draws its own key: digests of one signature differ between caches, so a digest
  // seen in one process (or a memory dump of it) says nothing about another's.
  const TokenCache one(10);
  const TokenCache two(10);
  EXPECT_NE(one.key_of("h.p.signature").digest, two.key_of("h.p.signature").digest);
}

TEST(TokenCache, HitsOnlyTheTokenInserted) {
  TokenCache cache(10);
  cache.insert(cache.key_of("h.p.sig"), principal("alice"), kNow + seconds(10));
  EXPECT_EQ(cache.find(cache.key_of("h.p.sig"), kNow)->sub, "alice");
  EXPECT_EQ(cache.find(cache.key_of("h.q.sig"), kNow), nullptr);   // same signature, other payload
  EXPECT_EQ(cache.find(cache.key_of("g.p.sig"), kNow), nullptr);   // other header
  EXPECT_EQ(cache.find(cache.key_of("hp.sig"), kNow), nullptr);    // the signed part's dot moved
  EXPECT_EQ(cache.find(cache.key_of("h.p.sig2"), kNow), nullptr);  // other signature
  EXPECT_EQ(cache.find(cache.key_of("sig"), kNow), nullptr);       // the signature alone
  EXPECT_EQ(cache.size(), 1u);
}

TEST(TokenCache, HitsUntilValidUntil) {
  TokenCache cache(10);
  cache.insert(cache.key_of("h.p.k"), principal("alice"), kNow + seconds(10));
  EXPECT_EQ(cache.find(cache.key_of("h.p.k"), kNow)->sub, "alice");
  EXPECT_EQ(cache.find(cache.key_of("h.p.k"), kNow + seconds(9))->sub, "alice");
  EXPECT_EQ(cache.find(cache.key_of("h.p.k"), kNow + seconds(10)), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.find(cache.key_of("h.p.other"), kNow), nullptr);
}

TEST(TokenCache, ReinsertingReplacesTheSignedPart) {
  TokenCache cache(10);
  cache.insert(cache.key_of("h.p.s"), principal("a"), kNow + seconds(10));
  cache.insert(cache.key_of("h.q.s"), principal("b"), kNow + seconds(10));
  EXPECT_EQ(cache.find(cache.key_of("h.p.s"), kNow), nullptr);
  EXPECT_EQ(cache.find(cache.key_of("h.q.s"), kNow)->sub, "b");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(TokenCache, EvictsTheOldestWhenFull) {
  TokenCache cache(2);
  cache.insert(cache.key_of("h.p.a"), principal("a"), kNow + seconds(10));
  cache.insert(cache.key_of("h.p.b"), principal("b"), kNow + seconds(10));
  cache.insert(cache.key_of("h.p.a"), principal("a2"),
               kNow + seconds(10));  // re-inserted: the newest
  cache.insert(cache.key_of("h.p.c"), principal("c"), kNow + seconds(10));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find(cache.key_of("h.p.b"), kNow), nullptr);
  EXPECT_EQ(cache.find(cache.key_of("h.p.a"), kNow)->sub, "a2");
  EXPECT_NE(cache.find(cache.key_of("h.p.c"), kNow), nullptr);
}

TEST(TokenCache, CapacityZeroKeepsNothing) {
  TokenCache cache(0);
  cache.insert(cache.key_of("h.p.a"), principal("a"), kNow + seconds(10));
  EXPECT_EQ(cache.find(cache.key_of("h.p.a"), kNow), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace hotel::auth
