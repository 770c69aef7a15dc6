#include "chassis/auth/jwt.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "chassis/auth/base64url.hpp"
#include "chassis/auth/testing/tokens.hpp"

namespace hotel::auth {
namespace {

using testing::issuer_key;

const boost::json::object kClaims{{"sub", "u-1"}, {"exp", 2'000'000'000}};

std::string good_token() { return sign_jwt(kClaims, issuer_key(), "k1"); }

void expect_malformed(std::string_view token) {
  try {
    decode_jwt(token);
    ADD_FAILURE() << "decoded: " << token.substr(0, 80);
  } catch (const TokenError& error) {
    EXPECT_EQ(error.reason(), AuthReason::kMalformed);
  }
}

TEST(Jwt, SignAndDecodeRoundTrip) {
  const std::string token = good_token();
  const DecodedJwt jwt = decode_jwt(token);
  EXPECT_EQ(jwt.header, (boost::json::object{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}}));
  EXPECT_EQ(jwt.payload, kClaims);
  EXPECT_EQ(jwt.signing_input, token.substr(0, token.rfind('.')));
  EXPECT_TRUE(issuer_key().public_key().verify_rs256(jwt.signing_input, jwt.signature));
}

TEST(Jwt, RejectsWrongSegmentCounts) {
  const std::string token = good_token();
  expect_malformed("");
  expect_malformed("abc");
  expect_malformed(token.substr(0, token.rfind('.')));
  expect_malformed(token + ".");
  expect_malformed(token + ".e30");
  expect_malformed("." + token);
}

TEST(Jwt, RejectsBadBase64AndNonObjects) {
  const std::string token = good_token();
  const std::size_t dot = token.find('.');
  expect_malformed("!" + token.substr(1));  // bad base64url in the header
  expect_malformed(token.substr(0, dot + 1) + "=" + token.substr(dot + 1));
  expect_malformed(token + "=");                                        // padded signature
  expect_malformed(base64url_encode("[1]") + token.substr(dot));        // header not an object
  expect_malformed(base64url_encode("{\"alg\":") + token.substr(dot));  // not JSON
  expect_malformed(token.substr(0, dot + 1) + base64url_encode("\"x\"") +
                   token.substr(token.rfind('.')));
}

TEST(Jwt, RejectsEmptySignature) {
  expect_malformed(good_token().substr(0, good_token().rfind('.') + 1));
}

TEST(Jwt, RejectsHugeTokensBeforeDecoding) {
  boost::json::object claims = kClaims;
  claims["padding"] = std::string(kMaxTokenSize, 'x');
  expect_malformed(sign_jwt(claims, issuer_key(), "k1"));
  expect_malformed(std::string(kMaxTokenSize + 1, 'a'));
}

}  // namespace
}  // namespace hotel::auth
