#include "services/identity/domain/authorization_codes.hpp"

#include <gtest/gtest.h>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

using std::chrono::minutes;

const TimePoint kNow = TimePoint(std::chrono::seconds(1'700'000'000));
constexpr std::string_view kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr std::string_view kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
constexpr std::string_view kRedirect = "http://localhost:8080/hotel/";

CodeGrant grant(ChallengeMethod method = ChallengeMethod::kS256) {
  return {.client_id = "hotel-web",
          .redirect_uri = std::string(kRedirect),
          .code_challenge = method == ChallengeMethod::kNone ? "" : std::string(kChallenge),
          .challenge_method = method,
          .nonce = "n-1",
          .scope = "openid email",
          .user_id = "u-1",
          .auth_time = kNow};
}

CodeRedemption redemption(std::string_view verifier = kVerifier) {
  return {"hotel-web", std::string(kRedirect), std::string(verifier)};
}

CodeRejection rejected(const AuthorizationCode& code, const CodeRedemption& with,
                       TimePoint now = kNow) {
  const auto result = check_redemption(code, with, now);
  EXPECT_FALSE(result.ok());
  return result.ok() ? CodeRejection::kUnknown : result.error();
}

TEST(IdentityAuthorizationCodes, IssuesARandomCodeStoredAsItsHash) {
  const auto issued = issue_authorization_code({}, grant(), kNow);
  EXPECT_EQ(issued.record.hash, sha256_hex(issued.code));
  EXPECT_EQ(issued.record.expires_at, kNow + minutes(5));
  EXPECT_FALSE(issued.record.redeemed_at.has_value());
}

TEST(IdentityAuthorizationCodes, RedeemsWithTheRightVerifierClientAndRedirect) {
  const auto code = issue_authorization_code({}, grant(), kNow).record;
  EXPECT_TRUE(check_redemption(code, redemption(), kNow + minutes(4)).ok());
}

TEST(IdentityAuthorizationCodes, AWrongOrMissingVerifierFails) {
  const auto code = issue_authorization_code({}, grant(), kNow).record;
  EXPECT_EQ(rejected(code, redemption(std::string(43, 'x'))), CodeRejection::kVerifierMismatch);
  EXPECT_EQ(rejected(code, redemption("")), CodeRejection::kVerifierMissing);
}

TEST(IdentityAuthorizationCodes, AVerifierForACodeWithoutChallengeFails) {
  const auto code = issue_authorization_code({}, grant(ChallengeMethod::kNone), kNow).record;
  EXPECT_TRUE(check_redemption(code, redemption(""), kNow).ok());
  EXPECT_EQ(rejected(code, redemption()), CodeRejection::kUnexpectedVerifier);
}

TEST(IdentityAuthorizationCodes, ARedeemedCodeIsAReplay) {
  auto code = issue_authorization_code({}, grant(), kNow).record;
  code.redeemed_at = kNow;
  EXPECT_EQ(rejected(code, redemption()), CodeRejection::kReplayed);
}

TEST(IdentityAuthorizationCodes, ClientRedirectAndExpiryAreBound) {
  const auto code = issue_authorization_code({}, grant(), kNow).record;
  auto other = redemption();
  other.client_id = "other";
  EXPECT_EQ(rejected(code, other), CodeRejection::kWrongClient);
  other = redemption();
  other.redirect_uri = "http://localhost:8080/hotel";
  EXPECT_EQ(rejected(code, other), CodeRejection::kWrongRedirect);
  EXPECT_EQ(rejected(code, redemption(), kNow + minutes(5)), CodeRejection::kExpired);
}

TEST(IdentityAuthorizationCodes, ARequestWithoutRedirectNeedsNoneAtRedemption) {
  auto without = grant();
  without.redirect_uri.clear();
  const auto code = issue_authorization_code({}, without, kNow).record;
  auto with = redemption();
  with.redirect_uri.clear();
  EXPECT_TRUE(check_redemption(code, with, kNow).ok());
}

TEST(IdentityAuthorizationCodes, ChallengeChecks) {
  const AuthorizationCodeRules strict;
  const AuthorizationCodeRules lenient{.allow_plain_pkce = true};
  EXPECT_EQ(check_challenge(strict, "S256", kChallenge, true).value(), ChallengeMethod::kS256);
  EXPECT_EQ(check_challenge(strict, "", "", false).value(), ChallengeMethod::kNone);
  EXPECT_EQ(check_challenge(strict, "", "", true).error(), ChallengeProblem::kRequired);
  EXPECT_EQ(check_challenge(strict, "S512", kChallenge, true).error(),
            ChallengeProblem::kUnknownMethod);
  EXPECT_EQ(check_challenge(strict, "plain", kVerifier, true).error(),
            ChallengeProblem::kPlainNotAllowed);
  EXPECT_EQ(check_challenge(strict, "", kVerifier, true).error(),
            ChallengeProblem::kPlainNotAllowed);
  EXPECT_EQ(check_challenge(lenient, "plain", kVerifier, true).value(), ChallengeMethod::kPlain);
  EXPECT_EQ(check_challenge(strict, "S256", "too-short", true).error(),
            ChallengeProblem::kMalformed);
}

}  // namespace
}  // namespace hotel::identity::domain
