#include "services/identity/application/key_service.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "services/identity/application/testing/identity_harness.hpp"

namespace hotel::identity::application {
namespace {

using std::chrono::hours;

class CountingGenerator final : public domain::KeyGenerator {
 public:
  std::string generate_private_pem() override {
    return "-----BEGIN PRIVATE KEY-----\nkey-" + std::to_string(++made_) +
           "\n-----END PRIVATE KEY-----\n";
  }
  int made() const { return made_; }

 private:
  int made_ = 0;
};

class IdentityKeyServiceTest : public ::testing::Test {
 protected:
  std::vector<std::string> published_kids() const {
    std::vector<std::string> kids;
    for (const auto& key : keys_.published()) kids.push_back(key.key.kid);
    return kids;
  }

  testing::IdentityHarness harness_;
  CountingGenerator generator_;
  const domain::KeyRingRules rules_{.max_token_lifetime = hours(1),
                                    .rotation_period = hours(24 * 90)};
  KeyService keys_{harness_.database_.store(), harness_.secrets_, generator_, harness_.clock_,
                   rules_};
};

TEST_F(IdentityKeyServiceTest, FirstStartMakesOneKeyWithItsPemInTheSecretsStore) {
  const auto key = keys_.ensure_active();
  EXPECT_EQ(generator_.made(), 1);
  const auto active = keys_.active();
  EXPECT_EQ(active.key.kid, key.kid);
  EXPECT_NE(active.private_pem.find("key-1"), std::string::npos);
  EXPECT_EQ(harness_.secrets_.get("identity-signing-key-" + key.kid), active.private_pem);
  // The database holds the id and dates only.
  EXPECT_EQ(harness_.database_.count("signing_keys"), 1);
  EXPECT_EQ(keys_.ensure_active().kid, key.kid);
  EXPECT_EQ(generator_.made(), 1);
}

TEST_F(IdentityKeyServiceTest, RotationPublishesTheOldKeyForTheMaxTokenLifetime) {
  const auto first = keys_.ensure_active();
  harness_.clock_.advance(hours(2));
  const auto second = keys_.rotate();
  EXPECT_EQ(keys_.active().key.kid, second.kid);
  EXPECT_EQ(published_kids(), (std::vector<std::string>{second.kid, first.kid}));
  harness_.clock_.advance(hours(1));
  EXPECT_EQ(published_kids(), std::vector<std::string>{second.kid});
  EXPECT_EQ(keys_.ring().keys().front().retired_at.has_value(), true);
}

TEST_F(IdentityKeyServiceTest, AnAgedKeyIsRotatedByEnsureActive) {
  const auto first = keys_.ensure_active();
  harness_.clock_.advance(hours(24 * 90));
  const auto second = keys_.ensure_active();
  EXPECT_NE(second.kid, first.kid);
  EXPECT_EQ(generator_.made(), 2);
  EXPECT_EQ(published_kids().size(), 2u);
}

TEST_F(IdentityKeyServiceTest, NoKeyOrAMissingPemIsLoud) {
  EXPECT_THROW(keys_.active(), std::runtime_error);
  secrets::testing::MemorySecrets empty;
  keys_.ensure_active();
  KeyService without_pems(harness_.database_.store(), empty, generator_, harness_.clock_, rules_);
  EXPECT_THROW(without_pems.active(), std::runtime_error);
}

}  // namespace
}  // namespace hotel::identity::application
