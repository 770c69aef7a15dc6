#include <gtest/gtest.h>

#include "services/identity/application/testing/identity_harness.hpp"
#include "services/identity/application/token_service.hpp"

namespace hotel::identity::application {
namespace {

using domain::CodeRejection;
using std::chrono::minutes;

constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr const char* kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
constexpr const char* kRedirect = "http://localhost:8080/hotel/";

class IdentityAuthorizationCodeFlowTest : public ::testing::Test {
 protected:
  IdentityAuthorizationCodeFlowTest() : user_(harness_.confirmed_user("ada@hotel.test")) {
    harness_.clients_.seed();
  }

  AuthorizationRequest request() const {
    return {.client_id = "hotel-web",
            .redirect_uri = kRedirect,
            .scope = "openid email",
            .code_challenge = kChallenge,
            .code_challenge_method = "S256",
            .nonce = "nonce-1",
            .user_id = user_.id,
            .auth_time = user_.created_at};
  }
  std::string authorize() {
    auto issued = tokens().create_authorization_code(request());
    EXPECT_TRUE(issued.ok());
    return issued.ok() ? issued->code : "";
  }
  core::Result<RedeemedCode, CodeRejection> redeem(const std::string& code,
                                                   const std::string& verifier = kVerifier) {
    return tokens().redeem_authorization_code(code, {"hotel-web", kRedirect, verifier});
  }
  AuthorizeError refused(const AuthorizationRequest& with) {
    const auto result = tokens().create_authorization_code(with);
    EXPECT_FALSE(result.ok());
    return result.ok() ? AuthorizeError::kUnknownClient : result.error();
  }
  TokenService& tokens() { return harness_.tokens_; }

  testing::IdentityHarness harness_;
  domain::User user_;
};

TEST_F(IdentityAuthorizationCodeFlowTest, ACodeRedeemsOnceForTheUserGrantAndARefreshToken) {
  const auto issued = tokens().create_authorization_code(request());
  ASSERT_TRUE(issued.ok());
  EXPECT_EQ(issued->redirect_uri, kRedirect);
  EXPECT_EQ(issued->scopes, (std::vector<std::string>{"openid", "email"}));
  EXPECT_EQ(issued->expires_at, now_ms(harness_.clock_) + minutes(5));

  const auto redeemed = redeem(issued->code);
  ASSERT_TRUE(redeemed.ok());
  EXPECT_EQ(redeemed->user.id, user_.id);
  EXPECT_EQ(redeemed->grant.nonce, "nonce-1");
  EXPECT_EQ(redeemed->grant.scope, "openid email");
  EXPECT_EQ(redeemed->grant.auth_time, user_.created_at);
  ASSERT_TRUE(redeemed->refresh_token.has_value());
  EXPECT_TRUE(tokens().rotate_refresh_token(redeemed->refresh_token->token, "hotel-web").ok());
}

TEST_F(IdentityAuthorizationCodeFlowTest, AReplayedCodeFailsAndRevokesWhatItIssued) {
  const auto code = authorize();
  const auto first = redeem(code);
  ASSERT_TRUE(first.ok());
  const auto replay = redeem(code);
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error(), CodeRejection::kReplayed);
  const auto refreshed = tokens().rotate_refresh_token(first->refresh_token->token, "hotel-web");
  ASSERT_FALSE(refreshed.ok());
  EXPECT_EQ(refreshed.error(), domain::RefreshRejection::kRevoked);
}

TEST_F(IdentityAuthorizationCodeFlowTest, AReplayAlsoRevokesTheRotatedSuccessors) {
  const auto code = authorize();
  const auto first = redeem(code).value();
  const auto successor =
      tokens().rotate_refresh_token(first.refresh_token->token, "hotel-web").value();
  EXPECT_FALSE(redeem(code).ok());
  EXPECT_FALSE(tokens().rotate_refresh_token(successor.refresh_token.token, "hotel-web").ok());
}

TEST_F(IdentityAuthorizationCodeFlowTest, AWrongPkceVerifierFailsAndLeavesTheCodeUnused) {
  const auto code = authorize();
  const auto wrong = redeem(code, std::string(43, 'x'));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error(), CodeRejection::kVerifierMismatch);
  EXPECT_EQ(redeem(code, "").error(), CodeRejection::kVerifierMissing);
  EXPECT_TRUE(redeem(code).ok());
}

TEST_F(IdentityAuthorizationCodeFlowTest, ACodeExpiresAfterFiveMinutes) {
  const auto code = authorize();
  harness_.clock_.advance(minutes(5));
  EXPECT_EQ(redeem(code).error(), CodeRejection::kExpired);
}

TEST_F(IdentityAuthorizationCodeFlowTest, ACodeIsBoundToClientAndRedirect) {
  const auto code = authorize();
  EXPECT_EQ(
      tokens().redeem_authorization_code(code, {"booking-service", kRedirect, kVerifier}).error(),
      CodeRejection::kWrongClient);
  EXPECT_EQ(tokens()
                .redeem_authorization_code(code, {"hotel-web", "http://localhost:8080/", kVerifier})
                .error(),
            CodeRejection::kWrongRedirect);
  EXPECT_EQ(redeem("no-such-code").error(), CodeRejection::kUnknown);
}

TEST_F(IdentityAuthorizationCodeFlowTest, TheRequestIsCheckedAgainstTheClient) {
  auto bad = request();
  bad.client_id = "nobody";
  EXPECT_EQ(refused(bad), AuthorizeError::kUnknownClient);
  bad = request();
  bad.redirect_uri = "http://evil.example/";
  EXPECT_EQ(refused(bad), AuthorizeError::kRedirectNotRegistered);
  bad = request();
  bad.scope = "openid hotels/internal";
  EXPECT_EQ(refused(bad), AuthorizeError::kScopeNotAllowed);
  bad = request();
  bad.client_id = "booking-service";
  EXPECT_EQ(refused(bad), AuthorizeError::kRedirectNotRegistered);
  bad = request();
  bad.user_id = "no-such-user";
  EXPECT_EQ(refused(bad), AuthorizeError::kUserUnavailable);
}

TEST_F(IdentityAuthorizationCodeFlowTest, PublicClientsMustUseS256Pkce) {
  auto bad = request();
  bad.code_challenge = "";
  bad.code_challenge_method = "";
  EXPECT_EQ(refused(bad), AuthorizeError::kChallengeRequired);
  bad = request();
  bad.code_challenge = kVerifier;
  bad.code_challenge_method = "plain";
  EXPECT_EQ(refused(bad), AuthorizeError::kChallengeMethodNotSupported);
  bad = request();
  bad.code_challenge = "short";
  EXPECT_EQ(refused(bad), AuthorizeError::kChallengeMalformed);
}

TEST_F(IdentityAuthorizationCodeFlowTest, PlainPkceWorksWhenConfigured) {
  auto options = testing::test_options();
  options.authorization_codes.allow_plain_pkce = true;
  testing::IdentityHarness lenient(options);
  lenient.clients_.seed();
  const auto user = lenient.confirmed_user("ada@hotel.test");
  auto plain = request();
  plain.user_id = user.id;
  plain.code_challenge = kVerifier;
  plain.code_challenge_method = "plain";
  const auto issued = lenient.tokens_.create_authorization_code(plain);
  ASSERT_TRUE(issued.ok());
  EXPECT_TRUE(
      lenient.tokens_.redeem_authorization_code(issued->code, {"hotel-web", kRedirect, kVerifier})
          .ok());
}

TEST_F(IdentityAuthorizationCodeFlowTest, ADisabledUsersCodeDoesNotRedeem) {
  const auto code = authorize();
  harness_.pool_.set_enabled(user_.id, false);
  EXPECT_EQ(redeem(code).error(), CodeRejection::kUserDisabled);
}

}  // namespace
}  // namespace hotel::identity::application
