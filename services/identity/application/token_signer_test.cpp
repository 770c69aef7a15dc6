#include "services/identity/application/token_signer.hpp"

#include <gtest/gtest.h>

#include "chassis/auth/jwks.hpp"
#include "chassis/auth/jwt.hpp"
#include "services/identity/application/rsa_key_generator.hpp"
#include "services/identity/application/testing/identity_harness.hpp"

namespace hotel::identity::application {
namespace {

using namespace std::chrono_literals;

domain::SigningKey key(const char* kid, domain::TimePoint created) {
  return {.kid = kid, .created_at = created, .retired_at = std::nullopt};
}

TEST(IdentitySigningKeyChoice, TheNewestKeyOldEnoughSigns) {
  const domain::TimePoint now{1'700'000'000s};
  const auto young = key("young", now - 10s);
  const auto old = key("old", now - 2h);
  EXPECT_EQ(choose_signing_key({young, old}, now, 60s)->kid, "old");
  EXPECT_EQ(choose_signing_key({young, old}, now + 50s, 60s)->kid, "young");
  // A first key signs at once; so does the oldest when every key is young.
  EXPECT_EQ(choose_signing_key({young}, now, 60s)->kid, "young");
  EXPECT_EQ(choose_signing_key({key("b", now), key("a", now - 5s)}, now, 60s)->kid, "a");
  EXPECT_FALSE(choose_signing_key({}, now, 60s).has_value());
}

class IdentityTokenSignerTest : public ::testing::Test {
 protected:
  std::string kid_of(const std::string& token) {
    return std::string(auth::decode_jwt(token).header.at("kid").as_string());
  }
  bool verifies(const std::string& token) {
    const auto decoded = auth::decode_jwt(token);
    const auto jwks = auth::Jwks::parse(signer_.jwks());
    const auto* public_key = jwks.find(decoded.header.at("kid").as_string());
    return public_key != nullptr &&
           public_key->verify_rs256(decoded.signing_input, decoded.signature);
  }

  testing::IdentityHarness harness_;
  RsaKeyGenerator generator_;
  KeyService keys_{harness_.database_.store(), harness_.secrets_, generator_, harness_.clock_, {}};
  TokenSigner signer_{keys_, harness_.clock_, {.activation_delay = 60s, .reload_interval = 5s}};
};

TEST_F(IdentityTokenSignerTest, ANewKeyIsPublishedAtOnceButSignsOnlyAfterTheDelay) {
  const auto first = keys_.ensure_active();
  const auto before = signer_.sign({{"sub", "a"}});
  EXPECT_EQ(kid_of(before), first.kid);
  EXPECT_TRUE(verifies(before));

  harness_.clock_.advance(1h);
  const auto second = keys_.rotate();
  signer_.reload();
  EXPECT_EQ(auth::Jwks::parse(signer_.jwks()).size(), 2u);
  EXPECT_NE(auth::Jwks::parse(signer_.jwks()).find(second.kid), nullptr);
  EXPECT_EQ(kid_of(signer_.sign({{"sub", "a"}})), first.kid);

  harness_.clock_.advance(61s);
  const auto after = signer_.sign({{"sub", "a"}});
  EXPECT_EQ(kid_of(after), second.kid);
  EXPECT_TRUE(verifies(after));
}

TEST_F(IdentityTokenSignerTest, AKeyAddedElsewhereIsSeenAfterTheReloadInterval) {
  keys_.ensure_active();
  harness_.clock_.advance(1h);
  const auto initial = auth::Jwks::parse(signer_.jwks()).size();
  keys_.rotate();  // as `hotel keys rotate` in another process would
  EXPECT_EQ(auth::Jwks::parse(signer_.jwks()).size(), initial);
  harness_.clock_.advance(5s);
  EXPECT_EQ(auth::Jwks::parse(signer_.jwks()).size(), initial + 1);
}

}  // namespace
}  // namespace hotel::identity::application
