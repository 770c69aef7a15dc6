#include "services/identity/application/token_claims.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::application {
namespace {

using namespace std::chrono_literals;

const domain::TimePoint kNow{1'700'000'000s};

domain::User ada() {
  return {.id = "5f0c-sub",
          .email = "ada@hotel.test",
          .attributes = {"Ada", "Lovelace", "1 Analytical St", "+441234567"},
          .confirmed = true,
          .enabled = true,
          .groups = {domain::Group::kAdmin, domain::Group::kHotelManager},
          .created_at = kNow,
          .updated_at = kNow};
}

const TokenContext kContext{"http://localhost:8080", kNow, 1h};

TEST(IdentityTokenClaims, IdTokenCarriesCognitosClaims) {
  const auto claims = id_token_claims(kContext, ada(), "hotel-web", "n-1", kNow - 10s);
  EXPECT_EQ(claims.at("sub").as_string(), "5f0c-sub");
  EXPECT_EQ(claims.at("aud").as_string(), "hotel-web");
  EXPECT_EQ(claims.at("iss").as_string(), "http://localhost:8080");
  EXPECT_EQ(claims.at("token_use").as_string(), "id");
  EXPECT_EQ(claims.at("auth_time").as_int64(), 1'700'000'000 - 10);
  EXPECT_EQ(claims.at("iat").as_int64(), 1'700'000'000);
  EXPECT_EQ(claims.at("exp").as_int64(), 1'700'000'000 + 3600);
  EXPECT_EQ(claims.at("jti").as_string().size(), 36u);
  EXPECT_EQ(claims.at("email").as_string(), "ada@hotel.test");
  EXPECT_TRUE(claims.at("email_verified").as_bool());
  EXPECT_EQ(claims.at("given_name").as_string(), "Ada");
  EXPECT_EQ(claims.at("family_name").as_string(), "Lovelace");
  EXPECT_EQ(claims.at("address").at("formatted").as_string(), "1 Analytical St");
  EXPECT_EQ(claims.at("phone_number").as_string(), "+441234567");
  EXPECT_EQ(claims.at("cognito:username").as_string(), "ada@hotel.test");
  EXPECT_EQ(claims.at("cognito:groups"), (boost::json::array{"Admin", "HotelManager"}));
  EXPECT_EQ(claims.at("nonce").as_string(), "n-1");
}

TEST(IdentityTokenClaims, NoNonceAndNoGroupsAreLeftOut) {
  auto user = ada();
  user.groups.clear();
  user.attributes.address.clear();
  const auto claims = id_token_claims(kContext, user, "hotel-web", "", kNow);
  EXPECT_FALSE(claims.contains("nonce"));
  EXPECT_FALSE(claims.contains("cognito:groups"));
  EXPECT_FALSE(claims.contains("address"));
}

TEST(IdentityTokenClaims, AccessTokenNamesTheClientScopeAndUsername) {
  const auto claims = access_token_claims(kContext, ada(), "hotel-web", "openid email", kNow);
  EXPECT_EQ(claims.at("token_use").as_string(), "access");
  EXPECT_EQ(claims.at("client_id").as_string(), "hotel-web");
  EXPECT_EQ(claims.at("scope").as_string(), "openid email");
  EXPECT_EQ(claims.at("username").as_string(), "ada@hotel.test");
  EXPECT_FALSE(claims.contains("aud"));
  EXPECT_FALSE(claims.contains("email"));
  EXPECT_EQ(claims.at("cognito:groups").as_array().size(), 2u);
}

TEST(IdentityTokenClaims, ServiceTokenHasNoUsername) {
  const auto claims = service_token_claims(kContext, "notification-service", "events/read");
  EXPECT_EQ(claims.at("sub").as_string(), "notification-service");
  EXPECT_EQ(claims.at("client_id").as_string(), "notification-service");
  EXPECT_EQ(claims.at("scope").as_string(), "events/read");
  EXPECT_FALSE(claims.contains("username"));
  EXPECT_FALSE(claims.contains("cognito:groups"));
}

TEST(IdentityTokenClaims, UserInfoFollowsTheScopes) {
  const auto bare = user_info(ada(), {"openid"});
  EXPECT_EQ(bare.size(), 2u);
  EXPECT_EQ(bare.at("username").as_string(), "ada@hotel.test");
  const auto full = user_info(ada(), {"openid", "email", "profile", "phone"});
  EXPECT_EQ(full.at("email").as_string(), "ada@hotel.test");
  EXPECT_TRUE(full.at("email_verified").as_bool());
  EXPECT_EQ(full.at("given_name").as_string(), "Ada");
  EXPECT_EQ(full.at("phone_number").as_string(), "+441234567");
}

}  // namespace
}  // namespace hotel::identity::application
