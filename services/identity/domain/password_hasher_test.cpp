#include "services/identity/domain/password_hasher.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hotel::identity::domain {
namespace {

TEST(IdentityPasswordHasher, HashesWithArgon2idAndVerifies) {
  const PasswordHasher hasher(HashCost::minimum());
  const std::string hash = hasher.hash("Admin#2026demo");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(hasher.verify(hash, "Admin#2026demo"));
  EXPECT_FALSE(hasher.verify(hash, "Admin#2026demo "));
  EXPECT_FALSE(hasher.verify(hash, ""));
}

TEST(IdentityPasswordHasher, SaltsEveryHash) {
  const PasswordHasher hasher(HashCost::minimum());
  EXPECT_NE(hasher.hash("same"), hasher.hash("same"));
}

TEST(IdentityPasswordHasher, MalformedHashesNeverVerify) {
  const PasswordHasher hasher(HashCost::minimum());
  EXPECT_FALSE(hasher.verify("", "x"));
  EXPECT_FALSE(hasher.verify("not a hash", "not a hash"));
  EXPECT_FALSE(hasher.verify(std::string(500, '$'), "x"));
  EXPECT_TRUE(hasher.needs_rehash("not a hash"));
}

TEST(IdentityPasswordHasher, AHashUnderAnotherCostNeedsRehashButStillVerifies) {
  const PasswordHasher old_hasher(HashCost::minimum());
  const PasswordHasher new_hasher(
      HashCost{HashCost::minimum().opslimit + 1, HashCost::minimum().memlimit * 2});
  const std::string old_hash = old_hasher.hash("Customer#2026demo");
  EXPECT_FALSE(old_hasher.needs_rehash(old_hash));
  EXPECT_TRUE(new_hasher.needs_rehash(old_hash));
  EXPECT_TRUE(new_hasher.verify(old_hash, "Customer#2026demo"));
  EXPECT_FALSE(new_hasher.needs_rehash(new_hasher.hash("Customer#2026demo")));
}

TEST(IdentityPasswordHasher, DummyHashHasTheHashersCost) {
  const PasswordHasher hasher(HashCost::minimum());
  EXPECT_TRUE(hasher.dummy_hash().starts_with("$argon2id$"));
  EXPECT_FALSE(hasher.needs_rehash(hasher.dummy_hash()));
  EXPECT_FALSE(hasher.verify(hasher.dummy_hash(), ""));
}

TEST(IdentityPasswordHasher, RefusesACostOutsideLibsodiumsLimits) {
  EXPECT_THROW(PasswordHasher(HashCost{0, HashCost::minimum().memlimit}), std::invalid_argument);
  EXPECT_THROW(PasswordHasher(HashCost{1, 1024}), std::invalid_argument);
}

TEST(IdentityPasswordHasher, DefaultCostIsLibsodiumsInteractiveCost) {
  const HashCost cost;
  EXPECT_EQ(cost.opslimit, 2u);
  EXPECT_EQ(cost.memlimit, 64u << 20);
}

}  // namespace
}  // namespace hotel::identity::domain
