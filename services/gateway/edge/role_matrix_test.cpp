// The role matrix at the edge: every route of the built-in table × {anonymous, customer,
// manager, admin, expired token, forged token} → the status the gateway answers, with the
// chassis verifier as the host will install it. Tokens are minted by chassis/auth's test token
// factory (the identity service cannot issue them yet). Refused requests never reach upstream.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

#include "chassis/auth/middleware.hpp"
#include "chassis/auth/testing/tokens.hpp"
#include "chassis/auth/verifier.hpp"
#include "chassis/http/testing/scripted_server.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "services/gateway/testing/gateway_harness.hpp"
#include "services/gateway/testing/test_issuer.hpp"

namespace hotel::gateway {
namespace {

using auth::testing::TokenFactory;
using http::testing::fetch;
using http::testing::ScriptedServer;

enum Caller { kAnonymous, kCustomer, kManager, kAdmin, kExpired, kForged, kCallers };
constexpr std::array<const char*, kCallers> kCallerNames{"anonymous", "customer", "manager",
                                                         "admin",     "expired",  "forged"};

struct Row {
  const char* method;
  const char* target;
  std::array<int, kCallers> expected;
};

constexpr std::array<int, kCallers> kPublic{200, 200, 200, 200, 200, 200};
constexpr std::array<int, kCallers> kSignedIn{401, 200, 200, 200, 401, 401};
constexpr std::array<int, kCallers> kAdminOnly{401, 403, 403, 200, 401, 401};
constexpr std::array<int, kCallers> kStaff{401, 403, 200, 200, 401, 401};  // Admin, HotelManager
constexpr std::array<int, kCallers> kNever{404, 404, 404, 404, 404, 404};

const Row kMatrix[] = {
    {"GET", "/.well-known/openid-configuration", kPublic},
    {"GET", "/.well-known/jwks.json", kPublic},
    {"GET", "/oauth2/authorize?client_id=web", kPublic},
    {"POST", "/oauth2/token", kPublic},
    {"GET", "/oauth2/userInfo", kPublic},  // identity checks the token itself
    {"GET", "/login", kPublic},
    {"POST", "/login", kPublic},
    {"POST", "/signup", kPublic},
    {"POST", "/confirm", kPublic},
    {"POST", "/forgot-password", kPublic},
    {"POST", "/reset-password", kPublic},
    {"GET", "/logout", kPublic},
    {"GET", "/v1/users/me", kSignedIn},
    {"PATCH", "/v1/users/me", kSignedIn},
    {"GET", "/v1/users", kSignedIn},  // Admin only, checked by identity
    {"PUT", "/v1/users/s1/groups", kSignedIn},
    {"GET", "/v1/hotels", kStaff},  // which hotels a manager may read, hotels checks
    {"GET", "/v1/hotels/h1", kStaff},
    {"GET", "/v1/hotels/h1/photos/p1", kPublic},
    {"POST", "/v1/hotels", kAdminOnly},
    {"PUT", "/v1/hotels/h1", kAdminOnly},
    {"PATCH", "/v1/hotels/h1", kAdminOnly},
    {"DELETE", "/v1/hotels/h1", kAdminOnly},
    {"POST", "/v1/hotels/h1/photos", kAdminOnly},
    {"PUT", "/v1/hotels/h1/managers", kAdminOnly},
    {"GET", "/v1/hotels/h1/managers", kStaff},
    {"GET", "/v1/search?city=Rome", kSignedIn},
    {"GET", "/v1/bookings", kSignedIn},
    {"POST", "/v1/bookings", kSignedIn},
    {"GET", "/v1/bookings/b1", kSignedIn},
    {"POST", "/v1/bookings/b1/cancel", kSignedIn},
    {"POST", "/v1/bookings/b1/approve", kSignedIn},  // managers only, checked by booking
    {"GET", "/v1/payments", kSignedIn},
    {"GET", "/v1/payments/p1", kSignedIn},
    {"GET", "/v1/mail", kPublic},
    {"GET", "/openapi.json", kPublic},
    {"GET", "/v1/events?after=0", kNever},
    {"GET", "/v1/admin/dead-letters", kNever},
};

class GatewayRoleMatrix : public ::testing::Test {
 protected:
  GatewayRoleMatrix() {
    verifier_ = testing::test_issuer_verifier();
    std::map<std::string, std::vector<http::Endpoint>> upstreams;
    for (const char* service :
         {"identity", "hotels", "search", "booking", "payment", "notification"}) {
      upstreams[service] = {upstream_.endpoint()};
    }
    gateway_ = std::make_unique<testing::GatewayHarness>(testing::HarnessOptions{
        testing::without_rate_limits(), std::move(upstreams), auth::auth_middleware(verifier_)});
    TokenFactory expired_factory(core::SystemClock::instance());
    expired_factory.lifetime = std::chrono::hours(-2);
    tokens_ = {"",
               factory_.sign(factory_.access_claims("carol")),
               factory_.sign(factory_.access_claims("mia", {"HotelManager"})),
               factory_.sign(factory_.access_claims("ada", {"Admin"})),
               expired_factory.sign(expired_factory.access_claims("ada", {"Admin"})),
               factory_.sign(factory_.access_claims("eve", {"Admin"}),
                             auth::testing::attacker_key(), auth::testing::kKid)};
  }

  http::testing::SimpleResponse call(const Row& row, Caller caller) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (caller != kAnonymous) headers.emplace_back("Authorization", "Bearer " + tokens_[caller]);
    const std::string body = std::string(row.method) == "GET" ? "" : "{}";
    return fetch(gateway_->port(), row.method, row.target, body, headers);
  }

  ScriptedServer upstream_{[](const http::Request&) { return http::Response::json(200, "{}"); }};
  std::shared_ptr<auth::Verifier> verifier_;
  std::unique_ptr<testing::GatewayHarness> gateway_;
  TokenFactory factory_{core::SystemClock::instance()};
  std::array<std::string, kCallers> tokens_;
};

TEST_F(GatewayRoleMatrix, EveryRouteForEveryCaller) {
  std::size_t relayed = 0;
  for (const auto& row : kMatrix) {
    for (int caller = 0; caller < kCallers; ++caller) {
      const auto response = call(row, static_cast<Caller>(caller));
      EXPECT_EQ(response.status, row.expected[caller])
          << row.method << " " << row.target << " as " << kCallerNames[caller] << ": "
          << response.body;
      if (response.status == 401) {
        EXPECT_THAT(response.header("WWW-Authenticate"), ::testing::StartsWith("Bearer"));
      }
      if (response.status == 401 || response.status == 403) {
        EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
        EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
      }
      if (response.status == 200 && std::string(row.target) != "/openapi.json") ++relayed;
    }
  }
  EXPECT_EQ(upstream_.requests().size(), relayed) << "refused requests never reach a service";
}

TEST_F(GatewayRoleMatrix, TheOriginalAuthorizationTravelsAndBadTokensAreNamed) {
  const auto ok = call({"GET", "/v1/bookings", kSignedIn}, kCustomer);
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(upstream_.requests().back().headers.get("Authorization"),
            "Bearer " + tokens_[kCustomer]);
  const auto expired = call({"GET", "/v1/bookings", kSignedIn}, kExpired);
  EXPECT_THAT(expired.header("WWW-Authenticate"), ::testing::HasSubstr("invalid_token"));
}

TEST_F(GatewayRoleMatrix, TokensInTheQueryStringAreIgnored) {
  const auto response =
      fetch(gateway_->port(), "GET",
            "/v1/bookings?access_token=" + tokens_[kAdmin] + "&token=" + tokens_[kAdmin]);
  EXPECT_EQ(response.status, 401);
}

TEST_F(GatewayRoleMatrix, PerUserLimitsCountSignedInUsersApart) {
  gateway_.reset();
  std::map<std::string, std::vector<http::Endpoint>> upstreams{{"search", {upstream_.endpoint()}}};
  gateway_ = std::make_unique<testing::GatewayHarness>(
      testing::HarnessOptions{{{"HOTEL_GATEWAY_RATE_READ_PER_USER", "0.2"},
                               {"HOTEL_GATEWAY_RATE_READ_PER_ADDRESS", "0"},
                               {"HOTEL_GATEWAY_RATE_READ_BURST", "1"}},
                              std::move(upstreams),
                              auth::auth_middleware(verifier_)});
  const Row search{"GET", "/v1/search", kSignedIn};
  EXPECT_EQ(call(search, kCustomer).status, 200);
  const auto limited = call(search, kCustomer);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Retry-After"), "5");
  EXPECT_EQ(call(search, kManager).status, 200) << "another user has their own bucket";
  EXPECT_EQ(call(search, kAnonymous).status, 401) << "no user bucket without a user";
}

}  // namespace
}  // namespace hotel::gateway
