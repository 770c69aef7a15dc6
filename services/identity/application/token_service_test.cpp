#include "services/identity/application/token_service.hpp"

#include <gtest/gtest.h>

#include "services/identity/application/housekeeping.hpp"
#include "services/identity/application/testing/identity_harness.hpp"

namespace hotel::identity::application {
namespace {

using domain::RefreshRejection;
using std::chrono::hours;

class IdentityRefreshTokenTest : public ::testing::Test {
 protected:
  IdentityRefreshTokenTest() : user_(harness_.confirmed_user("ada@hotel.test")) {}

  domain::IssuedRefreshToken issue() {
    return tokens().issue_refresh_token(user_.id, "hotel-web", "openid email", user_.created_at);
  }
  RefreshRejection rejected(const std::string& token, const std::string& client = "hotel-web") {
    const auto result = tokens().rotate_refresh_token(token, client);
    EXPECT_FALSE(result.ok());
    return result.ok() ? RefreshRejection::kUnknown : result.error();
  }
  TokenService& tokens() { return harness_.tokens_; }

  testing::IdentityHarness harness_;
  domain::User user_;
};

TEST_F(IdentityRefreshTokenTest, RotationHandsOutASuccessorAndKillsTheOldToken) {
  const auto first = issue();
  const auto rotated = tokens().rotate_refresh_token(first.token, "hotel-web");
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(rotated->user.id, user_.id);
  EXPECT_EQ(rotated->scope, "openid email");
  EXPECT_EQ(rotated->auth_time, user_.created_at);
  EXPECT_NE(rotated->refresh_token.token, first.token);
  EXPECT_TRUE(tokens().rotate_refresh_token(rotated->refresh_token.token, "hotel-web").ok());
}

TEST_F(IdentityRefreshTokenTest, StoresOnlyHashes) {
  const auto issued = issue();
  const int plain = harness_.database_.db().read([&](SQLite::Database& conn) {
    SQLite::Statement count(conn, "SELECT count(*) FROM refresh_tokens WHERE token_hash = ?");
    count.bind(1, issued.token);
    count.executeStep();
    return count.getColumn(0).getInt();
  });
  EXPECT_EQ(plain, 0);
  EXPECT_EQ(harness_.database_.count("refresh_tokens"), 1);
}

TEST_F(IdentityRefreshTokenTest, ReusingARotatedTokenRevokesTheWholeFamily) {
  const auto first = issue();
  const auto other_session = issue();
  const auto second = tokens().rotate_refresh_token(first.token, "hotel-web").value().refresh_token;
  EXPECT_EQ(rejected(first.token), RefreshRejection::kReused);
  // The thief's replay took down the legitimate successor too...
  EXPECT_EQ(rejected(second.token), RefreshRejection::kRevoked);
  // ...but not the user's other sessions.
  EXPECT_TRUE(tokens().rotate_refresh_token(other_session.token, "hotel-web").ok());
}

TEST_F(IdentityRefreshTokenTest, AFamilyExpiresThirtyDaysAfterSignInHoweverOftenRefreshed) {
  auto token = issue().token;
  for (int day = 0; day < 29; ++day) {
    harness_.clock_.advance(hours(24));
    auto rotated = tokens().rotate_refresh_token(token, "hotel-web");
    ASSERT_TRUE(rotated.ok()) << day;
    token = rotated->refresh_token.token;
  }
  harness_.clock_.advance(hours(24));
  EXPECT_EQ(rejected(token), RefreshRejection::kExpired);
}

TEST_F(IdentityRefreshTokenTest, TokensAreBoundToTheirClient) {
  const auto issued = issue();
  EXPECT_EQ(rejected(issued.token, "other-client"), RefreshRejection::kWrongClient);
  EXPECT_FALSE(tokens().revoke_refresh_token(issued.token, "other-client"));
  EXPECT_TRUE(tokens().rotate_refresh_token(issued.token, "hotel-web").ok());
  EXPECT_EQ(rejected("no-such-token"), RefreshRejection::kUnknown);
}

TEST_F(IdentityRefreshTokenTest, SignOutRevokesTheFamily) {
  const auto first = issue();
  const auto second = tokens().rotate_refresh_token(first.token, "hotel-web").value().refresh_token;
  EXPECT_TRUE(tokens().revoke_refresh_token(second.token, "hotel-web"));
  EXPECT_EQ(rejected(second.token), RefreshRejection::kRevoked);
  EXPECT_FALSE(tokens().revoke_refresh_token("no-such-token", "hotel-web"));
}

TEST_F(IdentityRefreshTokenTest, GlobalSignOutRevokesEverySession) {
  const auto a = issue();
  const auto b = issue();
  EXPECT_EQ(tokens().revoke_all_for_user(user_.id), 2);
  EXPECT_EQ(rejected(a.token), RefreshRejection::kRevoked);
  EXPECT_EQ(rejected(b.token), RefreshRejection::kRevoked);
}

TEST_F(IdentityRefreshTokenTest, HousekeepingDropsExpiredTokens) {
  issue();
  harness_.pool_.forgot_password("ada@hotel.test");
  EXPECT_EQ(purge_expired(harness_.database_.store(), harness_.clock_, harness_.options_), 0);
  harness_.clock_.advance(hours(24 * 30) + std::chrono::seconds(1));
  EXPECT_EQ(purge_expired(harness_.database_.store(), harness_.clock_, harness_.options_), 2);
  EXPECT_EQ(harness_.database_.count("refresh_tokens"), 0);
  EXPECT_EQ(harness_.database_.count("confirmation_codes"), 0);
}

}  // namespace
}  // namespace hotel::identity::application
