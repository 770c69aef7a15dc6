#include "services/identity/application/hosted_sessions.hpp"

#include <gtest/gtest.h>

#include "services/identity/application/testing/identity_harness.hpp"

namespace hotel::identity::application {
namespace {

using std::chrono::minutes;
using testing::kPkceChallenge;
using testing::kPkceVerifier;
using testing::kWebRedirect;

class IdentityHostedSessionsTest : public ::testing::Test {
 protected:
  IdentityHostedSessionsTest() : user_(harness_.confirmed_user("ada@hotel.test")) {
    harness_.clients_.seed();
  }

  // A code issued through the session, redeemed for a refresh token.
  std::string refresh_token_through(const std::string& session_token) {
    const auto issued =
        harness_.tokens_.create_authorization_code({.client_id = "hotel-web",
                                                    .redirect_uri = kWebRedirect,
                                                    .scope = "openid",
                                                    .code_challenge = kPkceChallenge,
                                                    .code_challenge_method = "S256",
                                                    .nonce = "",
                                                    .user_id = user_.id,
                                                    .auth_time = now_ms(harness_.clock_)});
    EXPECT_TRUE(issued.ok());
    sessions_.link_code(session_token, issued->code);
    const auto redeemed = harness_.tokens_.redeem_authorization_code(
        issued->code, {"hotel-web", kWebRedirect, kPkceVerifier});
    EXPECT_TRUE(redeemed.ok());
    return redeemed->refresh_token->token;
  }

  testing::IdentityHarness harness_;
  domain::User user_;
  HostedSessions sessions_{harness_.database_.store(), harness_.clock_, {.lifetime = minutes(60)}};
};

TEST_F(IdentityHostedSessionsTest, ASessionResumesWithItsUserUntilItExpires) {
  const auto auth_time = now_ms(harness_.clock_);
  const auto issued = sessions_.start(user_.id, auth_time);
  const auto live = sessions_.resume(issued.token);
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(live->user.id, user_.id);
  EXPECT_EQ(live->session.auth_time, auth_time);
  EXPECT_FALSE(sessions_.resume("not-a-session").has_value());
  EXPECT_FALSE(sessions_.resume("").has_value());
  harness_.clock_.advance(minutes(61));
  EXPECT_FALSE(sessions_.resume(issued.token).has_value());
}

TEST_F(IdentityHostedSessionsTest, ADisabledUsersSessionNoLongerResumes) {
  const auto issued = sessions_.start(user_.id, now_ms(harness_.clock_));
  ASSERT_TRUE(harness_.pool_.set_enabled(user_.id, false).ok());
  EXPECT_FALSE(sessions_.resume(issued.token).has_value());
}

TEST_F(IdentityHostedSessionsTest, EndingASessionRevokesTheRefreshTokensItIssued) {
  const auto session = sessions_.start(user_.id, now_ms(harness_.clock_));
  const auto other = sessions_.start(user_.id, now_ms(harness_.clock_));
  const auto through_session = refresh_token_through(session.token);
  const auto through_other = refresh_token_through(other.token);

  EXPECT_EQ(sessions_.end(session.token), 1);
  EXPECT_FALSE(sessions_.resume(session.token).has_value());
  EXPECT_FALSE(harness_.tokens_.rotate_refresh_token(through_session, "hotel-web").ok());
  EXPECT_TRUE(harness_.tokens_.rotate_refresh_token(through_other, "hotel-web").ok());
  EXPECT_EQ(sessions_.end(session.token), 0);
  EXPECT_EQ(sessions_.end(""), 0);
}

TEST_F(IdentityHostedSessionsTest, EndAllEndsEverySessionOfTheUser) {
  const auto first = sessions_.start(user_.id, now_ms(harness_.clock_));
  const auto second = sessions_.start(user_.id, now_ms(harness_.clock_));
  EXPECT_EQ(sessions_.end_all(user_.id), 2);
  EXPECT_FALSE(sessions_.resume(first.token).has_value());
  EXPECT_FALSE(sessions_.resume(second.token).has_value());
}

}  // namespace
}  // namespace hotel::identity::application
