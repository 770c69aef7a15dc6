#include "services/identity/domain/key_ring.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::domain {
namespace {

using std::chrono::hours;

const TimePoint kStart = TimePoint(std::chrono::seconds(1'700'000'000));
const KeyRingRules kRules{.max_token_lifetime = hours(1), .rotation_period = hours(24)};

std::vector<std::string> kids(const std::vector<SigningKey>& keys) {
  std::vector<std::string> ids;
  ids.reserve(keys.size());
  for (const auto& key : keys) ids.push_back(key.kid);
  return ids;
}

TEST(IdentityKeyRing, AnEmptyRingHasNoActiveKeyAndIsDueForOne) {
  const KeyRing ring;
  EXPECT_EQ(ring.active(), std::nullopt);
  EXPECT_TRUE(ring.rotation_due(kRules, kStart));
  EXPECT_TRUE(ring.published(kRules, kStart).empty());
}

TEST(IdentityKeyRing, RotationMakesTheNewKeyActiveAndRetiresTheOld) {
  KeyRing ring;
  ring.rotate("k1", kStart);
  EXPECT_EQ(ring.active()->kid, "k1");
  const auto later = kStart + hours(2);
  const auto rotation = ring.rotate("k2", later);
  EXPECT_EQ(rotation.added.kid, "k2");
  EXPECT_EQ(rotation.retired, std::vector<std::string>{"k1"});
  EXPECT_EQ(ring.active()->kid, "k2");
  EXPECT_EQ(ring.keys().front().retired_at, later);
}

TEST(IdentityKeyRing, ARetiredKeyIsPublishedForTheMaxTokenLifetime) {
  KeyRing ring;
  ring.rotate("k1", kStart);
  const auto rotated = kStart + hours(5);
  ring.rotate("k2", rotated);
  EXPECT_EQ(kids(ring.published(kRules, rotated)), (std::vector<std::string>{"k2", "k1"}));
  EXPECT_EQ(kids(ring.published(kRules, rotated + hours(1) - std::chrono::seconds(1))),
            (std::vector<std::string>{"k2", "k1"}));
  EXPECT_EQ(kids(ring.published(kRules, rotated + hours(1))), std::vector<std::string>{"k2"});
  EXPECT_EQ(kids(ring.expired(kRules, rotated + hours(1))), std::vector<std::string>{"k1"});
  EXPECT_TRUE(ring.expired(kRules, rotated).empty());
}

TEST(IdentityKeyRing, RotationFallsDueWithAge) {
  KeyRing ring;
  ring.rotate("k1", kStart);
  EXPECT_FALSE(ring.rotation_due(kRules, kStart + hours(23)));
  EXPECT_TRUE(ring.rotation_due(kRules, kStart + hours(24)));
  const KeyRingRules manual{.rotation_period = std::chrono::seconds(0)};
  EXPECT_FALSE(ring.rotation_due(manual, kStart + hours(24 * 1000)));
}

TEST(IdentityKeyRing, LoadsKeysInAnyOrder) {
  const KeyRing ring(
      {{"new", kStart + hours(1), std::nullopt}, {"old", kStart, kStart + hours(1)}});
  EXPECT_EQ(ring.active()->kid, "new");
  EXPECT_EQ(ring.keys().front().kid, "old");
}

TEST(IdentityKeyRing, KidsAndSecretNames) {
  const std::string kid = new_kid();
  EXPECT_EQ(kid.size(), 16u);
  EXPECT_NE(new_kid(), kid);
  EXPECT_EQ(signing_key_secret_name("abc"), "identity-signing-key-abc");
}

}  // namespace
}  // namespace hotel::identity::domain
