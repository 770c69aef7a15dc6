#include "chassis/auth/token_cache.hpp"

#include <gtest/gtest.h>

#include "chassis/auth/openssl_util.hpp"

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

TokenCache::Key key(std::string_view token) { return TokenCache::key_of(token); }

TEST(TokenCache, Sha256KnownAnswers) {
  const auto hex = [](const std::string& bytes) {
    std::string out;
    for (unsigned char c : bytes) {
      out += "0123456789abcdef"[c >> 4];
      out += "0123456789abcdef"[c & 15];
    }
    return out;
  };
  // FIPS 180-2 examples; the second digest on the same thread reuses the thread's context.
  EXPECT_EQ(hex(detail::sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex(detail::sha256("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex(detail::sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenCache, KeysAreTheSignatureDigestAndTheSignedPart) {
  const auto parts = key("header.payload.signature");
  EXPECT_EQ(parts.digest, detail::sha256("signature"));
  EXPECT_EQ(parts.signed_part, "header.payload");
  const auto undotted = key("opaque");
  EXPECT_EQ(undotted.digest, detail::sha256("opaque"));
  EXPECT_EQ(undotted.signed_part, "");
}

TEST(TokenCache, HitsOnlyTheTokenInserted) {
  TokenCache cache(10);
  cache.insert(key("h.p.sig"), principal("alice"), kNow + seconds(10));
  EXPECT_EQ(cache.find(key("h.p.sig"), kNow)->sub, "alice");
  EXPECT_EQ(cache.find(key("h.q.sig"), kNow), nullptr);   // same signature, other payload
  EXPECT_EQ(cache.find(key("g.p.sig"), kNow), nullptr);   // other header
  EXPECT_EQ(cache.find(key("hp.sig"), kNow), nullptr);    // the signed part's dot moved
  EXPECT_EQ(cache.find(key("h.p.sig2"), kNow), nullptr);  // other signature
  EXPECT_EQ(cache.find(key("sig"), kNow), nullptr);       // the signature alone
  EXPECT_EQ(cache.size(), 1u);
}

TEST(TokenCache, HitsUntilValidUntil) {
  TokenCache cache(10);
  cache.insert(key("h.p.k"), principal("alice"), kNow + seconds(10));
  EXPECT_EQ(cache.find(key("h.p.k"), kNow)->sub, "alice");
  EXPECT_EQ(cache.find(key("h.p.k"), kNow + seconds(9))->sub, "alice");
  EXPECT_EQ(cache.find(key("h.p.k"), kNow + seconds(10)), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.find(key("h.p.other"), kNow), nullptr);
}

TEST(TokenCache, ReinsertingReplacesTheSignedPart) {
  TokenCache cache(10);
  cache.insert(key("h.p.s"), principal("a"), kNow + seconds(10));
  cache.insert(key("h.q.s"), principal("b"), kNow + seconds(10));
  EXPECT_EQ(cache.find(key("h.p.s"), kNow), nullptr);
  EXPECT_EQ(cache.find(key("h.q.s"), kNow)->sub, "b");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(TokenCache, EvictsTheOldestWhenFull) {
  TokenCache cache(2);
  cache.insert(key("h.p.a"), principal("a"), kNow + seconds(10));
  cache.insert(key("h.p.b"), principal("b"), kNow + seconds(10));
  cache.insert(key("h.p.a"), principal("a2"), kNow + seconds(10));  // re-inserted: the newest
  cache.insert(key("h.p.c"), principal("c"), kNow + seconds(10));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find(key("h.p.b"), kNow), nullptr);
  EXPECT_EQ(cache.find(key("h.p.a"), kNow)->sub, "a2");
  EXPECT_NE(cache.find(key("h.p.c"), kNow), nullptr);
}

TEST(TokenCache, CapacityZeroKeepsNothing) {
  TokenCache cache(0);
  cache.insert(key("h.p.a"), principal("a"), kNow + seconds(10));
  EXPECT_EQ(cache.find(key("h.p.a"), kNow), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace hotel::auth
