#include "services/identity/domain/clients.hpp"

#include <gtest/gtest.h>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

using Words = std::vector<std::string>;

OAuthClient web() {
  return {.client_id = "hotel-web",
          .name = "Hotel web UI",
          .secret_hash = "",
          .redirect_uris = {"http://localhost:8080/hotel/"},
          .grants = {GrantType::kAuthorizationCode, GrantType::kRefreshToken},
          .scopes = {"openid", "email", "profile"}};
}

OAuthClient service() {
  return {.client_id = "booking-service",
          .name = "booking",
          .secret_hash = sha256_hex("s3cret"),
          .redirect_uris = {},
          .grants = {GrantType::kClientCredentials},
          .scopes = {"payment/internal", "hotels/internal"}};
}

TEST(IdentityClients, RedirectsMatchExactly) {
  const auto client = web();
  EXPECT_EQ(resolve_redirect(client, "http://localhost:8080/hotel/").value(),
            "http://localhost:8080/hotel/");
  for (const char* near : {"http://localhost:8080/hotel", "http://localhost:8080/hotel/?x=1",
                           "http://LOCALHOST:8080/hotel/", "http://localhost:8080/hotel/evil"}) {
    EXPECT_FALSE(resolve_redirect(client, near).ok()) << near;
  }
}

TEST(IdentityClients, AMissingRedirectMeansTheOnlyRegisteredOne) {
  auto client = web();
  EXPECT_EQ(resolve_redirect(client, "").value(), "http://localhost:8080/hotel/");
  client.redirect_uris.push_back("https://hotel.example/");
  EXPECT_EQ(resolve_redirect(client, "").error(), ClientProblem::kRedirectNotRegistered);
}

TEST(IdentityClients, GrantsMustBeAllowed) {
  EXPECT_TRUE(web().allows(GrantType::kAuthorizationCode));
  EXPECT_FALSE(web().allows(GrantType::kClientCredentials));
  EXPECT_FALSE(service().allows(GrantType::kPassword));
}

TEST(IdentityClients, ScopesMustBeASubset) {
  const auto client = web();
  EXPECT_EQ(grant_scopes(client, "openid  email openid").value(), (Words{"openid", "email"}));
  EXPECT_EQ(grant_scopes(client, "").value(), client.scopes);
  EXPECT_EQ(grant_scopes(client, "openid admin").error(), ClientProblem::kScopeNotAllowed);
}

TEST(IdentityClients, ConfidentialClientsNeedTheirSecret) {
  const auto client = service();
  EXPECT_TRUE(check_client_secret(client, "s3cret").ok());
  EXPECT_EQ(check_client_secret(client, "s3cret!").error(), ClientProblem::kBadSecret);
  EXPECT_EQ(check_client_secret(client, "").error(), ClientProblem::kBadSecret);
}

TEST(IdentityClients, PublicClientsHaveNoSecret) {
  EXPECT_TRUE(web().is_public());
  EXPECT_TRUE(check_client_secret(web(), "").ok());
  EXPECT_EQ(check_client_secret(web(), "anything").error(), ClientProblem::kBadSecret);
}

TEST(IdentityClients, GrantNamesRoundTrip) {
  for (const auto grant :
       {GrantType::kAuthorizationCode, GrantType::kImplicit, GrantType::kRefreshToken,
        GrantType::kClientCredentials, GrantType::kPassword}) {
    EXPECT_EQ(parse_grant_type(to_string(grant)), grant);
  }
  EXPECT_EQ(to_string(GrantType::kClientCredentials), "client_credentials");
  EXPECT_EQ(parse_grant_type("device_code"), std::nullopt);
}

TEST(IdentityClients, ValidatesRegistrations) {
  EXPECT_TRUE(validate_client(web()).ok());
  EXPECT_TRUE(validate_client(service()).ok());
  auto client = web();
  client.client_id = "has space";
  EXPECT_EQ(validate_client(client).error().field, "client_id");
  for (const char* uri : {"/hotel/", "ftp://x/", "http://x/#frag", "http:///path", "http://"}) {
    client = web();
    client.redirect_uris = {uri};
    EXPECT_EQ(validate_client(client).error().field, "redirect_uris") << uri;
  }
  client = web();
  client.scopes = {"a b"};
  EXPECT_EQ(validate_client(client).error().field, "scopes");
}

}  // namespace
}  // namespace hotel::identity::domain
