#include "services/identity/domain/crypto.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

namespace hotel::identity::domain {
namespace {

TEST(IdentityCrypto, RandomTokensAreUnpaddedBase64UrlAndDistinct) {
  const std::string token = random_token();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  EXPECT_NE(random_token(), random_token());
}

TEST(IdentityCrypto, Base64UrlMatchesRfc4648Vectors) {
  EXPECT_EQ(base64url(""), "");
  EXPECT_EQ(base64url("f"), "Zg");
  EXPECT_EQ(base64url("foob"), "Zm9vYg");
  EXPECT_EQ(base64url("\xfb\xff"), "-_8");
}

TEST(IdentityCrypto, Sha256MatchesTheKnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256("abc").size(), 32u);
}

TEST(IdentityCrypto, KeyedHashDependsOnTheKey) {
  const std::string key_a(32, 'a');
  const std::string key_b(32, 'b');
  EXPECT_EQ(keyed_hash_hex(key_a, "123456"), keyed_hash_hex(key_a, "123456"));
  EXPECT_NE(keyed_hash_hex(key_a, "123456"), keyed_hash_hex(key_b, "123456"));
  EXPECT_EQ(keyed_hash_hex(key_a, "123456").size(), 64u);
  EXPECT_THROW(keyed_hash_hex("short", "x"), std::invalid_argument);
}

TEST(IdentityCrypto, ConstantTimeEqualComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

TEST(IdentityCrypto, RandomBelowStaysInRange) {
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 200; ++i) {
    const auto value = random_below(10);
    EXPECT_LT(value, 10u);
    seen.insert(value);
  }
  EXPECT_GT(seen.size(), 5u);
}

}  // namespace
}  // namespace hotel::identity::domain
