#include "chassis/auth/rsa_key.hpp"

#include <gtest/gtest.h>

#include "chassis/auth/base64url.hpp"
#include "chassis/auth/testing/tokens.hpp"

namespace hotel::auth {
namespace {

using testing::attacker_key;
using testing::issuer_key;

TEST(RsaKey, SignaturesVerifyWithThePublicKeyOnly) {
  const std::string signature = issuer_key().sign_rs256("hello");
  EXPECT_EQ(signature.size(), 256u);
  EXPECT_TRUE(issuer_key().public_key().verify_rs256("hello", signature));
  EXPECT_FALSE(issuer_key().public_key().verify_rs256("hellO", signature));
  EXPECT_FALSE(attacker_key().public_key().verify_rs256("hello", signature));
  std::string flipped = signature;
  flipped[10] = static_cast<char>(flipped[10] ^ 1);
  EXPECT_FALSE(issuer_key().public_key().verify_rs256("hello", flipped));
  EXPECT_FALSE(issuer_key().public_key().verify_rs256("hello", ""));
  EXPECT_FALSE(issuer_key().public_key().verify_rs256("hello", signature.substr(1)));
}

TEST(RsaKey, PemRoundTripIsPkcs8) {
  const std::string pem = issuer_key().to_pem();
  EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
  const RsaPrivateKey loaded = RsaPrivateKey::from_pem(pem);
  EXPECT_TRUE(issuer_key().public_key().verify_rs256("x", loaded.sign_rs256("x")));
  EXPECT_THROW(RsaPrivateKey::from_pem("not a key"), std::invalid_argument);
  EXPECT_EQ(issuer_key().public_key().to_pem().rfind("-----BEGIN PUBLIC KEY-----", 0), 0u);
}

TEST(RsaKey, PublicJwkRoundTrip) {
  const boost::json::object jwk = issuer_key().public_jwk("k1");
  EXPECT_EQ(jwk.at("kty"), "RSA");
  EXPECT_EQ(jwk.at("kid"), "k1");
  EXPECT_EQ(jwk.at("use"), "sig");
  EXPECT_EQ(jwk.at("alg"), "RS256");
  EXPECT_EQ(jwk.at("e"), "AQAB");
  const RsaPublicKey key = RsaPublicKey::from_jwk(jwk);
  EXPECT_EQ(key.bits(), 2048);
  EXPECT_TRUE(key.verify_rs256("data", issuer_key().sign_rs256("data")));
}

TEST(RsaKey, FromJwkRejectsWhatIsNotAnRs256PublicKey) {
  const boost::json::object good = issuer_key().public_jwk("k1");
  auto with = [&](std::string_view name, boost::json::value value) {
    boost::json::object jwk = good;
    jwk[name] = std::move(value);
    return jwk;
  };
  auto without = [&](std::string_view name) {
    boost::json::object jwk = good;
    jwk.erase(name);
    return jwk;
  };
  EXPECT_THROW(RsaPublicKey::from_jwk(with("kty", "EC")), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(with("alg", "RS512")), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(with("use", "enc")), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(with("n", "AQAB=")), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(with("n", 5)), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(with("n", "")), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(with("e", "AQ")), std::invalid_argument);  // e = 1
  EXPECT_THROW(RsaPublicKey::from_jwk(with("e", "Ag")), std::invalid_argument);  // e = 2
  EXPECT_THROW(RsaPublicKey::from_jwk(without("n")), std::invalid_argument);
  EXPECT_THROW(RsaPublicKey::from_jwk(without("kty")), std::invalid_argument);
  // A 1024-bit modulus is too short.
  const std::string short_modulus(128, '\xc3');
  EXPECT_THROW(
      RsaPublicKey::from_jwk(with("n", boost::json::string(base64url_encode(short_modulus)))),
      std::invalid_argument);
  // alg and use are optional.
  EXPECT_NO_THROW(RsaPublicKey::from_jwk(without("alg")));
  EXPECT_NO_THROW(RsaPublicKey::from_jwk(without("use")));
}

TEST(RsaKey, RefusesShortKeys) {
  EXPECT_THROW(RsaPrivateKey::generate(1024), std::invalid_argument);
}

}  // namespace
}  // namespace hotel::auth
