#include "services/identity/application/client_registry.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "services/identity/application/secret_names.hpp"
#include "services/identity/application/testing/identity_harness.hpp"

namespace hotel::identity::application {
namespace {

using domain::ClientProblem;
using domain::GrantType;

class IdentityClientRegistryTest : public ::testing::Test {
 protected:
  IdentityClientRegistryTest() { clients().seed(); }
  ClientRegistry& clients() { return harness_.clients_; }
  std::string secret_of(const std::string& client_id) {
    return harness_.secrets_.get(client_secret_name(client_id)).value_or("");
  }

  testing::IdentityHarness harness_;
};

TEST_F(IdentityClientRegistryTest, SeedsThePublicWebClient) {
  const auto web = clients().find("hotel-web");
  ASSERT_TRUE(web.has_value());
  EXPECT_TRUE(web->is_public());
  EXPECT_EQ(web->redirect_uris, std::vector<std::string>{"http://localhost:8080/hotel/"});
  EXPECT_TRUE(web->allows(GrantType::kAuthorizationCode));
  EXPECT_TRUE(web->allows(GrantType::kRefreshToken));
  EXPECT_TRUE(web->allows(GrantType::kImplicit));
  EXPECT_FALSE(web->allows(GrantType::kClientCredentials));
  EXPECT_TRUE(clients().authenticate("hotel-web", "", GrantType::kAuthorizationCode).ok());
}

TEST_F(IdentityClientRegistryTest, ServiceClientsAuthenticateWithTheSecretFromTheSecretsStore) {
  const std::string secret = secret_of("booking-service");
  ASSERT_EQ(secret.size(), 43u);
  const auto client =
      clients().authenticate("booking-service", secret, GrantType::kClientCredentials);
  ASSERT_TRUE(client.ok());
  EXPECT_EQ(client->scopes, (std::vector<std::string>{"hotels/internal", "payment/internal"}));
  EXPECT_NE(client->secret_hash, secret);  // stored hashed
  EXPECT_EQ(domain::grant_scopes(client.value(), "payment/internal").value(),
            std::vector<std::string>{"payment/internal"});
}

TEST_F(IdentityClientRegistryTest, WrongSecretsUnknownClientsAndForeignGrantsAreRefused) {
  EXPECT_EQ(
      clients().authenticate("booking-service", "guess", GrantType::kClientCredentials).error(),
      ClientProblem::kBadSecret);
  EXPECT_EQ(clients().authenticate("booking-service", "", GrantType::kClientCredentials).error(),
            ClientProblem::kBadSecret);
  EXPECT_EQ(clients().authenticate("nobody", "x", GrantType::kClientCredentials).error(),
            ClientProblem::kUnknownClient);
  EXPECT_EQ(clients()
                .authenticate("booking-service", secret_of("booking-service"), GrantType::kPassword)
                .error(),
            ClientProblem::kGrantNotAllowed);
  EXPECT_EQ(clients().authenticate("hotel-web", "x", GrantType::kAuthorizationCode).error(),
            ClientProblem::kBadSecret);
  EXPECT_EQ(clients().authenticate("hotel-web", "", GrantType::kClientCredentials).error(),
            ClientProblem::kGrantNotAllowed);
}

TEST_F(IdentityClientRegistryTest, SeedingAgainKeepsTheSecrets) {
  const std::string secret = secret_of("search-service");
  const int puts = harness_.secrets_.puts();
  clients().seed();
  EXPECT_EQ(harness_.secrets_.puts(), puts);
  EXPECT_TRUE(clients().authenticate("search-service", secret, GrantType::kClientCredentials).ok());
}

TEST_F(IdentityClientRegistryTest, AnOperatorsSecretInTheStoreIsUsed) {
  harness_.secrets_.put(client_secret_name("reports"), "operator-chosen-secret");
  clients().seed(default_web_client(), {{"reports", "Reports", {"booking/internal"}}});
  EXPECT_TRUE(clients()
                  .authenticate("reports", "operator-chosen-secret", GrantType::kClientCredentials)
                  .ok());
}

TEST_F(IdentityClientRegistryTest, InvalidSeedsAreRefused) {
  auto web = default_web_client();
  web.redirect_uris = {"not a uri"};
  EXPECT_THROW(clients().seed(web, {}), std::invalid_argument);
}

TEST_F(IdentityClientRegistryTest, ChecksAuthorizationRequests) {
  const auto target =
      clients().check_authorization("hotel-web", "", GrantType::kImplicit, "openid");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->redirect_uri, "http://localhost:8080/hotel/");
  EXPECT_EQ(target->scopes, std::vector<std::string>{"openid"});
  EXPECT_EQ(clients()
                .check_authorization("booking-service", "", GrantType::kAuthorizationCode, "")
                .error(),
            AuthorizeError::kRedirectNotRegistered);
  EXPECT_EQ(clients().check_authorization("hotel-web", "", GrantType::kPassword, "").error(),
            AuthorizeError::kGrantNotAllowed);
}

TEST_F(IdentityClientRegistryTest, TheBenchClientAloneHasThePasswordGrant) {
  clients().seed_bench_client();
  const std::string secret = secret_of("hotel-bench");
  EXPECT_TRUE(clients().authenticate("hotel-bench", secret, GrantType::kPassword).ok());
  EXPECT_EQ(clients().authenticate("hotel-bench", "guess", GrantType::kPassword).error(),
            ClientProblem::kBadSecret);
  EXPECT_FALSE(clients().authenticate("hotel-web", "", GrantType::kPassword).ok());
  clients().seed_bench_client();  // again: the same secret
  EXPECT_EQ(secret_of("hotel-bench"), secret);
}

}  // namespace
}  // namespace hotel::identity::application
