// Forged, tampered and misused tokens: each is refused with an AuthError naming why.
#include <gtest/gtest.h>

#include <openssl/hmac.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "chassis/auth/base64url.hpp"
#include "chassis/auth/jwt.hpp"
#include "chassis/auth/testing/verifier_harness.hpp"

namespace hotel::auth {
namespace {

using testing::assemble_token;
using testing::kKid;

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &size);
  return std::string(reinterpret_cast<const char*>(out), size);
}

// Replaces one segment (0 header, 1 payload, 2 signature) of a token.
std::string replace_segment(const std::string& token, int index, std::string_view segment) {
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  const std::string parts[3] = {token.substr(0, first), token.substr(first + 1, second - first - 1),
                                token.substr(second + 1)};
  std::string out;
  for (int i = 0; i < 3; ++i) {
    out += i == index ? std::string(segment) : parts[i];
    if (i < 2) out += '.';
  }
  return out;
}

class VerifierAttackTest : public ::testing::Test {
 protected:
  std::optional<AuthReason> rejection(std::string token) {
    return harness_.rejection(*verifier_, std::move(token));
  }
  std::optional<AuthReason> rejection_of_claims(const boost::json::object& claims) {
    return rejection(harness_.tokens.sign(claims));
  }
  boost::json::object claims() const { return harness_.tokens.access_claims("mallory"); }
  std::string good() const { return harness_.tokens.sign(claims()); }

  testing::VerifierHarness harness_;
  std::unique_ptr<Verifier> verifier_ = harness_.make(harness_.options());
};

TEST_F(VerifierAttackTest, TheUntamperedTokenIsAccepted) {
  EXPECT_EQ(rejection(good()), std::nullopt);
}

TEST_F(VerifierAttackTest, AlgNone) {
  for (const char* alg : {"none", "None", "NONE", "nOnE"}) {
    const boost::json::object header{{"alg", alg}, {"typ", "JWT"}, {"kid", kKid}};
    EXPECT_EQ(rejection(assemble_token(header, claims(), "")), AuthReason::kMalformed) << alg;
    EXPECT_EQ(rejection(assemble_token(header, claims(), "x")), AuthReason::kUnsupportedAlgorithm)
        << alg;
  }
}

TEST_F(VerifierAttackTest, Hs256WithThePublicKeyAsHmacSecret) {
  const boost::json::object header{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", kKid}};
  const std::string unsigned_token = replace_segment(assemble_token(header, claims(), "x"), 2, "");
  const std::string signing_input = unsigned_token.substr(0, unsigned_token.size() - 1);
  const std::string pem = testing::issuer_key().public_key().to_pem();
  const std::string token = signing_input + "." + base64url_encode(hmac_sha256(pem, signing_input));
  EXPECT_EQ(rejection(token), AuthReason::kUnsupportedAlgorithm);
}

TEST_F(VerifierAttackTest, OtherAlgorithmsAndMissingAlg) {
  const std::string signature = testing::issuer_key().sign_rs256("x");
  for (const char* alg : {"RS512", "PS256", "ES256", "rs256", "RS256 ", "HS512"}) {
    const boost::json::object header{{"alg", alg}, {"kid", kKid}};
    EXPECT_EQ(rejection(assemble_token(header, claims(), signature)),
              AuthReason::kUnsupportedAlgorithm)
        << alg;
  }
  EXPECT_EQ(rejection(assemble_token({{"kid", kKid}}, claims(), signature)),
            AuthReason::kUnsupportedAlgorithm);
  EXPECT_EQ(rejection(assemble_token({{"alg", 256}, {"kid", kKid}}, claims(), signature)),
            AuthReason::kUnsupportedAlgorithm);
  EXPECT_EQ(rejection(assemble_token({{"alg", "RS256"}, {"kid", kKid}, {"crit", {"b64"}}}, claims(),
                                     signature)),
            AuthReason::kUnsupportedAlgorithm);
}

TEST_F(VerifierAttackTest, MissingKid) {
  const std::string signature = testing::issuer_key().sign_rs256("x");
  EXPECT_EQ(rejection(assemble_token({{"alg", "RS256"}}, claims(), signature)),
            AuthReason::kMissingKeyId);
  EXPECT_EQ(rejection(assemble_token({{"alg", "RS256"}, {"kid", ""}}, claims(), signature)),
            AuthReason::kMissingKeyId);
}

TEST_F(VerifierAttackTest, WrongOrMissingIssuer) {
  auto forged = claims();
  forged["iss"] = "https://evil.example";
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kUntrustedIssuer);
  forged["iss"] = std::string(testing::kIssuer) + "/";
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kUntrustedIssuer);
  forged.erase("iss");
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kUntrustedIssuer);
  // An untrusted issuer costs no JWKS fetch.
  EXPECT_EQ(harness_.source->fetches(), 0u);
}

TEST_F(VerifierAttackTest, WrongAudience) {
  auto forged = claims();
  forged["client_id"] = "another-app";
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kWrongAudience);
  forged.erase("client_id");
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kWrongAudience);
}

TEST_F(VerifierAttackTest, IdTokenUsedAsAccessToken) {
  EXPECT_EQ(rejection_of_claims(harness_.tokens.id_claims("mallory")), AuthReason::kWrongTokenUse);
  auto forged = claims();
  forged.erase("token_use");
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kWrongTokenUse);
}

TEST_F(VerifierAttackTest, ExpiredOrWithoutExp) {
  auto forged = claims();
  forged["exp"] = harness_.tokens.now() - 61;
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kExpired);
  forged.erase("exp");
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kExpired);
  forged["exp"] = "2099-01-01";
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kInvalidClaims);
}

TEST_F(VerifierAttackTest, FutureNbfOrIat) {
  auto forged = claims();
  forged["nbf"] = harness_.tokens.now() + 61;
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kNotYetValid);
  forged.erase("nbf");
  forged["iat"] = harness_.tokens.now() + 3600;
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kNotYetValid);
}

TEST_F(VerifierAttackTest, UnknownKid) {
  EXPECT_EQ(rejection(harness_.tokens.sign(claims(), testing::issuer_key(), "no-such-key")),
            AuthReason::kUnknownKey);
}

TEST_F(VerifierAttackTest, ForgedWithAnotherKey) {
  EXPECT_EQ(rejection(harness_.tokens.sign(claims(), testing::attacker_key(), kKid)),
            AuthReason::kBadSignature);
  // A key embedded in the header is never used.
  const boost::json::object header{{"alg", "RS256"},
                                   {"kid", kKid},
                                   {"jwk", testing::attacker_key().public_jwk(kKid)},
                                   {"jku", "https://evil.example/jwks.json"}};
  const std::string with_jwk = assemble_token(header, claims(), "x");
  const std::string signing_input = with_jwk.substr(0, with_jwk.rfind('.'));
  EXPECT_EQ(rejection(signing_input + "." +
                      base64url_encode(testing::attacker_key().sign_rs256(signing_input))),
            AuthReason::kBadSignature);
}

TEST_F(VerifierAttackTest, TamperedPayload) {
  auto escalated = claims();
  escalated["cognito:groups"] = boost::json::array{"Admin"};
  const std::string payload = base64url_encode(boost::json::serialize(escalated));
  EXPECT_EQ(rejection(replace_segment(good(), 1, payload)), AuthReason::kBadSignature);
}

TEST_F(VerifierAttackTest, TamperedHeader) {
  const boost::json::object header{{"alg", "RS256"}, {"typ", "at+jwt"}, {"kid", kKid}};
  EXPECT_EQ(rejection(replace_segment(good(), 0, base64url_encode(boost::json::serialize(header)))),
            AuthReason::kBadSignature);
}

TEST_F(VerifierAttackTest, TamperedSignature) {
  const std::string token = good();
  std::string signature = *base64url_decode(token.substr(token.rfind('.') + 1));
  signature[0] = static_cast<char>(signature[0] ^ 0x01);
  EXPECT_EQ(rejection(replace_segment(token, 2, base64url_encode(signature))),
            AuthReason::kBadSignature);
  EXPECT_EQ(rejection(replace_segment(token, 2, base64url_encode(signature.substr(1)))),
            AuthReason::kBadSignature);
}

// The cache finds an entry by the digest of the signature: a token that reuses a cached token's
// signature with another header or payload must still be verified, and fail.
TEST_F(VerifierAttackTest, ACachedSignatureDoesNotVouchForAnotherSignedPart) {
  const std::string token = good();
  ASSERT_EQ(rejection(token), std::nullopt);
  ASSERT_EQ(verifier_->cached_tokens(), 1u);
  auto escalated = claims();
  escalated["cognito:groups"] = boost::json::array{"Admin"};
  EXPECT_EQ(
      rejection(replace_segment(token, 1, base64url_encode(boost::json::serialize(escalated)))),
      AuthReason::kBadSignature);
  const boost::json::object header{{"alg", "RS256"}, {"typ", "at+jwt"}, {"kid", kKid}};
  EXPECT_EQ(rejection(replace_segment(token, 0, base64url_encode(boost::json::serialize(header)))),
            AuthReason::kBadSignature);
  const std::size_t dot = token.rfind('.');
  EXPECT_NE(rejection(token.substr(0, dot) + "x" + token.substr(dot)), std::nullopt);
  EXPECT_NE(rejection(token.substr(1)), std::nullopt);
  EXPECT_EQ(rejection(token), std::nullopt);  // the cached token itself still passes
}

TEST_F(VerifierAttackTest, MalformedTokens) {
  const std::string token = good();
  EXPECT_EQ(rejection(""), AuthReason::kMalformed);
  EXPECT_EQ(rejection("not a token"), AuthReason::kMalformed);
  EXPECT_EQ(rejection(token + ".extra"), AuthReason::kMalformed);
  EXPECT_EQ(rejection(token + "."), AuthReason::kMalformed);
  EXPECT_EQ(rejection(replace_segment(token, 2, "")), AuthReason::kMalformed);
  EXPECT_EQ(rejection(replace_segment(token, 1, "e30=")), AuthReason::kMalformed);
  EXPECT_EQ(rejection(replace_segment(token, 1, "e30+")), AuthReason::kMalformed);
  EXPECT_EQ(rejection(replace_segment(token, 0, "W10")), AuthReason::kMalformed);  // []
  EXPECT_EQ(rejection(" " + token), AuthReason::kMalformed);
  EXPECT_EQ(rejection(std::string(kMaxTokenSize + 1, 'A')), AuthReason::kMalformed);
  auto padded = claims();
  padded["padding"] = std::string(kMaxTokenSize, 'x');
  EXPECT_EQ(rejection_of_claims(padded), AuthReason::kMalformed);
  EXPECT_EQ(rejection(std::string(1 << 20, '.')), AuthReason::kMalformed);
}

TEST_F(VerifierAttackTest, ClaimsOfTheWrongType) {
  auto forged = claims();
  forged["cognito:groups"] = "Admin";
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kInvalidClaims);
  forged["cognito:groups"] = boost::json::array{"Admin", 1};
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kInvalidClaims);
  forged = claims();
  forged["scope"] = boost::json::array{"admin"};
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kInvalidClaims);
  forged = claims();
  forged.erase("sub");
  EXPECT_EQ(rejection_of_claims(forged), AuthReason::kInvalidClaims);
}

}  // namespace
}  // namespace hotel::auth
