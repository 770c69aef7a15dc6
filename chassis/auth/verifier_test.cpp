#include "chassis/auth/verifier.hpp"

#include <gtest/gtest.h>

#include "chassis/auth/testing/verifier_harness.hpp"
#include "chassis/http/message.hpp"

namespace hotel::auth {
namespace {

using std::chrono::seconds;
using testing::kClientId;
using testing::kIssuer;

class VerifierTest : public ::testing::Test {
 protected:
  testing::VerifierHarness harness_;
  std::unique_ptr<Verifier> verifier_ = harness_.make(harness_.options());
  const testing::TokenFactory& tokens_ = harness_.tokens;
};

TEST_F(VerifierTest, AcceptsAUsersAccessToken) {
  const auto claims = tokens_.access_claims("alice", {"HotelManager", "Staff"});
  const auto principal = harness_.verify(*verifier_, tokens_.sign(claims));
  EXPECT_EQ(principal->sub, "sub-alice");
  EXPECT_EQ(principal->username, "alice");
  EXPECT_EQ(principal->client_id, kClientId);
  EXPECT_EQ(principal->token_use, "access");
  EXPECT_EQ(principal->issuer, kIssuer);
  EXPECT_EQ(principal->groups, (std::vector<std::string>{"HotelManager", "Staff"}));
  EXPECT_EQ(principal->scopes, (std::vector<std::string>{"openid", "email", "profile"}));
  EXPECT_EQ(principal->expires_at, claims.at("exp").as_int64());
  EXPECT_TRUE(principal->in_group("Staff"));
  EXPECT_FALSE(principal->in_group("Admin"));
  EXPECT_TRUE(principal->has_scope("email"));
  EXPECT_FALSE(principal->is_service());
}

TEST_F(VerifierTest, AcceptsAServiceToken) {
  const auto principal = harness_.verify(
      *verifier_, tokens_.sign(tokens_.service_claims("inventory/hold  inventory/release")));
  EXPECT_TRUE(principal->is_service());
  EXPECT_EQ(principal->sub, kClientId);
  EXPECT_EQ(principal->scopes, (std::vector<std::string>{"inventory/hold", "inventory/release"}));
  EXPECT_TRUE(principal->groups.empty());
}

TEST_F(VerifierTest, AcceptsIdTokensWhenConfiguredTo) {
  VerifierOptions options = harness_.options();
  options.accepted_token_use = {"id", "access"};
  const auto verifier = harness_.make(options);
  auto claims = tokens_.id_claims("bob", {"Admin"});
  const auto principal = harness_.verify(*verifier, tokens_.sign(claims));
  EXPECT_EQ(principal->token_use, "id");
  EXPECT_EQ(principal->username, "bob");
  EXPECT_EQ(principal->email, "bob@example.com");
  EXPECT_EQ(principal->given_name, "Given");
  EXPECT_EQ(principal->family_name, "Family");
  EXPECT_EQ(principal->client_id, kClientId);
  EXPECT_TRUE(principal->in_group("Admin"));
  // aud may be an array; the accepted audience is the principal's client.
  claims["aud"] = boost::json::array{"other", kClientId};
  EXPECT_EQ(harness_.verify(*verifier, tokens_.sign(claims))->client_id, kClientId);
}

TEST_F(VerifierTest, AnyAudienceWhenNoneIsConfigured) {
  VerifierOptions options = harness_.options();
  options.issuers[0].audiences.clear();
  const auto verifier = harness_.make(options);
  auto claims = tokens_.access_claims("alice");
  claims["client_id"] = "another-client";
  EXPECT_EQ(harness_.verify(*verifier, tokens_.sign(claims))->client_id, "another-client");
}

TEST_F(VerifierTest, LeewayAppliesToExpNbfAndIat) {
  auto claims = tokens_.access_claims("alice");
  claims["exp"] = tokens_.now() - 59;
  claims["nbf"] = tokens_.now() + 59;
  claims["iat"] = tokens_.now() + 59;
  EXPECT_EQ(harness_.rejection(*verifier_, tokens_.sign(claims)), std::nullopt);
  claims["exp"] = 2e12;  // a double, far in the future
  EXPECT_EQ(harness_.rejection(*verifier_, tokens_.sign(claims)), std::nullopt);
}

TEST_F(VerifierTest, CacheHitStillHonoursExpiry) {
  auto claims = tokens_.access_claims("alice");
  claims["exp"] = tokens_.now() + 120;
  const std::string token = tokens_.sign(claims);
  const auto first = harness_.verify(*verifier_, token);
  EXPECT_EQ(verifier_->cached_tokens(), 1u);
  harness_.clock.advance(seconds(120 + 59));
  EXPECT_EQ(harness_.verify(*verifier_, token), first);  // the cached principal itself
  harness_.clock.advance(seconds(1));
  EXPECT_EQ(harness_.rejection(*verifier_, token), AuthReason::kExpired);
  EXPECT_EQ(verifier_->cached_tokens(), 0u);
}

TEST_F(VerifierTest, CachedAnswersOnlyTokensVerifiedBeforeAndStillValid) {
  auto claims = tokens_.access_claims("alice");
  claims["exp"] = tokens_.now() + 120;
  const std::string token = tokens_.sign(claims);
  EXPECT_EQ(verifier_->cached(token), nullptr);  // never verified: verify() decides
  const auto first = harness_.verify(*verifier_, token);
  EXPECT_EQ(verifier_->cached(token), first);
  EXPECT_EQ(verifier_->cached(token + "x"), nullptr);
  EXPECT_EQ(verifier_->cached(""), nullptr);
  harness_.clock.advance(seconds(120 + 60));
  EXPECT_EQ(verifier_->cached(token), nullptr);  // past exp and leeway
  EXPECT_EQ(harness_.rejection(*verifier_, token), AuthReason::kExpired);
}

TEST_F(VerifierTest, RecallsAConnectionsTokenByteForByteWhileTheCacheWould) {
  auto claims = tokens_.access_claims("alice");
  claims["exp"] = tokens_.now() + 120;
  const std::string authorization = "Bearer " + tokens_.sign(claims);
  http::AdmittedToken memory;
  EXPECT_EQ(verifier_->recall(memory, authorization), nullptr);  // nothing remembered yet
  const auto principal = harness_.verify(*verifier_, authorization.substr(7));
  verifier_->remember(memory, authorization, principal);
  EXPECT_EQ(verifier_->recall(memory, authorization), principal);
  // Any other value, however close, is not recalled: the middleware verifies it.
  std::string altered = authorization;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(verifier_->recall(memory, altered), nullptr);
  EXPECT_EQ(verifier_->recall(memory, authorization + "A"), nullptr);
  EXPECT_EQ(verifier_->recall(memory, authorization.substr(0, authorization.size() - 1)), nullptr);
  EXPECT_EQ(verifier_->recall(memory, ""), nullptr);
  // Until exp plus the leeway, as the cache.
  harness_.clock.advance(seconds(120 + 59));
  EXPECT_EQ(verifier_->recall(memory, authorization), principal);
  harness_.clock.advance(seconds(1));
  EXPECT_EQ(verifier_->recall(memory, authorization), nullptr);
}

// A server could run two verifiers (say, with other trusted issuers or audiences): what one
// admitted, the other judges for itself.
TEST_F(VerifierTest, OnlyTheVerifierThatRememberedATokenRecallsIt) {
  const std::string token = tokens_.sign(tokens_.access_claims("alice"));
  http::AdmittedToken memory;
  verifier_->remember(memory, "Bearer " + token, harness_.verify(*verifier_, token));
  const auto other = harness_.make(harness_.options());
  EXPECT_NE(verifier_->recall(memory, "Bearer " + token), nullptr);
  EXPECT_EQ(other->recall(memory, "Bearer " + token), nullptr);
}

TEST_F(VerifierTest, RemembersNothingWithoutACache) {
  VerifierOptions options = harness_.options();
  options.cache_size = 0;
  const auto uncached = harness_.make(options);
  const std::string token = tokens_.sign(tokens_.access_claims("a"));
  http::AdmittedToken memory;
  uncached->remember(memory, "Bearer " + token, harness_.verify(*uncached, token));
  EXPECT_EQ(memory.principal, nullptr);
  EXPECT_EQ(uncached->recall(memory, "Bearer " + token), nullptr);
}

TEST_F(VerifierTest, CacheIsBoundedAndCanBeDisabled) {
  VerifierOptions options = harness_.options();
  options.cache_size = 2;
  const auto small = harness_.make(options);
  for (const char* name : {"a", "b", "c"}) {
    harness_.verify(*small, tokens_.sign(tokens_.access_claims(name)));
  }
  EXPECT_EQ(small->cached_tokens(), 2u);
  options.cache_size = 0;
  const auto uncached = harness_.make(options);
  const std::string token = tokens_.sign(tokens_.access_claims("a"));
  EXPECT_NE(harness_.verify(*uncached, token), harness_.verify(*uncached, token));
  EXPECT_EQ(uncached->cached_tokens(), 0u);
}

TEST_F(VerifierTest, TrustsSeveralIssuersEachWithItsOwnKeys) {
  const std::string external = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool";
  VerifierOptions options = harness_.options();
  options.issuers.push_back(
      {external,
       std::make_shared<StaticJwksSource>(testing::jwks_of({{"ext", &testing::rotated_key()}})),
       {}});
  const auto verifier = harness_.make(options);
  testing::TokenFactory external_tokens(harness_.clock, external, "spa");
  const auto claims = external_tokens.access_claims("carol");
  const auto principal =
      harness_.verify(*verifier, external_tokens.sign(claims, testing::rotated_key(), "ext"));
  EXPECT_EQ(principal->issuer, external);
  // The external issuer's kid is not a key of the embedded issuer, and vice versa.
  EXPECT_EQ(harness_.rejection(*verifier, external_tokens.sign(claims)), AuthReason::kUnknownKey);
  EXPECT_EQ(harness_.rejection(
                *verifier, tokens_.sign(tokens_.access_claims("a"), testing::rotated_key(), "ext")),
            AuthReason::kUnknownKey);
}

TEST_F(VerifierTest, RefusesIncompleteOptions) {
  EXPECT_THROW(Verifier(VerifierOptions{}), std::invalid_argument);
  VerifierOptions options = harness_.options();
  options.issuers[0].jwks.reset();
  EXPECT_THROW(Verifier{options}, std::invalid_argument);
}

}  // namespace
}  // namespace hotel::auth
