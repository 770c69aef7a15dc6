#include "chassis/auth/middleware.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "chassis/auth/jwt.hpp"
#include "chassis/auth/testing/verifier_harness.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::auth {
namespace {

using http::testing::fetch;
using http::testing::SimpleResponse;

http::Task<http::Response> whoami(http::Request& request) {
  co_return http::Response::text(200, request.principal ? request.principal->sub : "anonymous");
}

http::Task<http::Response> me(http::Request& request) {
  co_return http::Response::text(200, require_principal(request).sub);
}

http::Router routes() {
  http::Router router;
  router.get("/public", whoami);
  router.get("/me", me, {.access = http::Access::signed_in()});
  router.get("/admin", whoami, {.access = http::Access::groups_any({"Admin"})});
  router.get("/internal", whoami, {.access = {http::Access::Kind::kService, {}, "inventory/hold"}});
  router.get("/handler-checks", me);  // public route whose handler requires a principal
  return router;
}

http::ServerOptions options() {
  http::ServerOptions options;
  options.header_limit = std::size_t{64} * 1024;  // room for a token over the verifier's size cap
  options.access_log = false;
  return options;
}

class AuthMiddlewareTest : public ::testing::Test {
 protected:
  SimpleResponse get(const std::string& target, const std::string& token) {
    if (token.empty()) return fetch(server_.port(), "GET", target);
    return fetch(server_.port(), "GET", target, {}, {{"Authorization", "Bearer " + token}});
  }
  int status(const std::string& target, const std::string& token) {
    return get(target, token).status;
  }

  testing::VerifierHarness harness_;
  const testing::TokenFactory& tokens_ = harness_.tokens;
  std::shared_ptr<Verifier> verifier_ = harness_.make(harness_.options());
  http::testing::TestServer server_{routes(), {auth_middleware(verifier_)}, options()};
};

TEST_F(AuthMiddlewareTest, RoleMatrix) {
  auto expired = tokens_.access_claims("late");
  expired["exp"] = tokens_.now() - 3600;
  struct Caller {
    std::string name;
    std::string token;
    int public_status, signed_in_status, admin_status, service_status;
  };
  const std::vector<Caller> callers = {
      {"anonymous", "", 200, 401, 401, 401},
      {"customer", tokens_.sign(tokens_.access_claims("cust")), 200, 200, 403, 403},
      {"manager", tokens_.sign(tokens_.access_claims("mgr", {"HotelManager"})), 200, 200, 403, 403},
      {"admin", tokens_.sign(tokens_.access_claims("adm", {"Admin"})), 200, 200, 200, 403},
      {"service", tokens_.sign(tokens_.service_claims("inventory/hold")), 200, 200, 403, 200},
      {"other service", tokens_.sign(tokens_.service_claims("payments/capture")), 200, 200, 403,
       403},
      {"expired", tokens_.sign(expired), 200, 401, 401, 401},
      {"forged",
       tokens_.sign(tokens_.access_claims("adm", {"Admin"}), testing::attacker_key(),
                    testing::kKid),
       200, 401, 401, 401},
  };
  for (const auto& caller : callers) {
    EXPECT_EQ(status("/public", caller.token), caller.public_status) << caller.name;
    EXPECT_EQ(status("/me", caller.token), caller.signed_in_status) << caller.name;
    EXPECT_EQ(status("/admin", caller.token), caller.admin_status) << caller.name;
    EXPECT_EQ(status("/internal", caller.token), caller.service_status) << caller.name;
  }
}

TEST_F(AuthMiddlewareTest, PublicRoutesSeeAValidPrincipalAndIgnoreABadToken) {
  EXPECT_EQ(get("/public", tokens_.sign(tokens_.access_claims("alice"))).body, "sub-alice");
  EXPECT_EQ(get("/public", "garbage").body, "anonymous");
  EXPECT_EQ(get("/public", "").body, "anonymous");
}

TEST_F(AuthMiddlewareTest, ChallengesSayWhyATokenWasRefused) {
  const SimpleResponse anonymous = get("/me", "");
  EXPECT_EQ(anonymous.header("WWW-Authenticate"), "Bearer");
  EXPECT_NE(anonymous.body.find("\"code\":\"unauthorized\""), std::string::npos);
  auto expired = tokens_.access_claims("late");
  expired["exp"] = tokens_.now() - 3600;
  EXPECT_EQ(get("/me", tokens_.sign(expired)).header("WWW-Authenticate"),
            "Bearer error=\"invalid_token\", error_description=\"the token expired\"");
  EXPECT_EQ(get("/me", "a.b.c").header("WWW-Authenticate"),
            "Bearer error=\"invalid_token\", error_description=\"the token is malformed\"");
}

TEST_F(AuthMiddlewareTest, TokenOnlyFromTheBearerHeader) {
  const std::string token = tokens_.sign(tokens_.access_claims("alice"));
  EXPECT_EQ(status("/me?access_token=" + token, ""), 401);
  EXPECT_EQ(fetch(server_.port(), "GET", "/me", {}, {{"Authorization", "bearer  " + token}}).body,
            "sub-alice");
  EXPECT_EQ(fetch(server_.port(), "GET", "/me", {}, {{"Authorization", "Basic " + token}}).status,
            401);
  EXPECT_EQ(fetch(server_.port(), "GET", "/me", {}, {{"Authorization", "Bearer"}})
                .header("WWW-Authenticate")
                .rfind("Bearer error=\"invalid_token\"", 0),
            0u);
}

TEST_F(AuthMiddlewareTest, EveryAttackTokenIsUnauthorized) {
  const auto claims = tokens_.access_claims("mallory", {"Admin"});
  const std::string good = tokens_.sign(claims);
  auto padded = claims;
  padded["padding"] = std::string(kMaxTokenSize, 'x');
  auto wrong_issuer = claims;
  wrong_issuer["iss"] = "https://evil.example";
  auto wrong_client = claims;
  wrong_client["client_id"] = "other-app";
  auto future = claims;
  future["nbf"] = tokens_.now() + 3600;
  const std::vector<std::string> attacks = {
      testing::assemble_token({{"alg", "none"}, {"kid", testing::kKid}}, claims, "x"),
      testing::assemble_token({{"alg", "HS256"}, {"kid", testing::kKid}}, claims, "x"),
      tokens_.sign(wrong_issuer),
      tokens_.sign(wrong_client),
      tokens_.sign(tokens_.id_claims("mallory", {"Admin"})),
      tokens_.sign(future),
      tokens_.sign(claims, testing::issuer_key(), "unknown-kid"),
      good.substr(0, good.find('.') + 1) + "e30" + good.substr(good.rfind('.')),
      "e30" + good.substr(good.find('.')),
      good + ".x",
      good.substr(0, good.rfind('.') + 1),
      "%%%." + good,
      tokens_.sign(padded),
  };
  for (const auto& token : attacks) {
    EXPECT_EQ(status("/admin", token), 401) << token.substr(0, 60);
  }
}

// The server keeps one Request per connection and the middleware remembers the token it last
// admitted there: whatever comes next on the connection is still judged on its own.
TEST_F(AuthMiddlewareTest, EachRequestOnAConnectionIsJudgedByItsOwnToken) {
  auto claims = tokens_.access_claims("alice");
  claims["exp"] = tokens_.now() + 120;
  const std::string alice = tokens_.sign(claims);
  const std::string admin = tokens_.sign(tokens_.access_claims("adm", {"Admin"}));
  const std::string forged =
      tokens_.sign(tokens_.access_claims("adm", {"Admin"}), testing::attacker_key(), testing::kKid);
  std::string altered = admin;  // the admin's token with its signature's last character changed
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  http::testing::KeepAliveConnection connection(server_.port());
  auto get = [&](const std::string& target, const std::string& token) {
    if (token.empty()) return connection.request("GET", target);
    return connection.request("GET", target, {{"Authorization", "Bearer " + token}});
  };
  EXPECT_EQ(get("/me", alice).body, "sub-alice");
  EXPECT_EQ(get("/me", alice).body, "sub-alice");
  EXPECT_EQ(get("/admin", alice).status, 403);
  EXPECT_EQ(get("/admin", admin).body, "sub-adm");
  EXPECT_EQ(get("/admin", admin).body, "sub-adm");
  EXPECT_EQ(get("/admin", forged).status, 401);
  EXPECT_EQ(get("/admin", altered).status, 401);
  EXPECT_EQ(get("/me", "").status, 401);
  EXPECT_EQ(get("/public", "").body, "anonymous");
  EXPECT_EQ(get("/me", alice).body, "sub-alice");
  // Past exp plus the leeway, the token the connection was last admitted with is refused.
  harness_.clock.advance(std::chrono::seconds(120 + 60));
  EXPECT_EQ(get("/me", alice).status, 401);
  EXPECT_EQ(get("/admin", admin).body, "sub-adm");
}

TEST_F(AuthMiddlewareTest, UnavailableKeysAre503OnProtectedRoutes) {
  harness_.source->set_failing(true);
  const std::string token = tokens_.sign(tokens_.access_claims("alice"));
  EXPECT_EQ(status("/me", token), 503);
  EXPECT_EQ(status("/public", token), 200);
}

TEST_F(AuthMiddlewareTest, RequirePrincipalInAHandlerIs401WithoutOne) {
  EXPECT_EQ(status("/handler-checks", ""), 401);
  EXPECT_EQ(get("/handler-checks", tokens_.sign(tokens_.access_claims("a"))).body, "sub-a");
}

// Refusals are logged at info with their reason (never the token) and counted by reason.
TEST_F(AuthMiddlewareTest, RefusalsAreLoggedAndCountedByReason) {
  store::testing::TempDir directory;
  observe::configure_logging(
      {.level = observe::Level::kInfo, .to_stdout = false, .directory = directory.path().string()});
  observe::Registry metrics;
  auto expired = tokens_.access_claims("late");
  expired["exp"] = tokens_.now() - 3600;
  const std::string expired_token = tokens_.sign(expired);
  const std::string forged =
      tokens_.sign(tokens_.access_claims("adm", {"Admin"}), testing::attacker_key(), testing::kKid);
  {
    observe::Logger logger("auth-test");
    http::testing::TestServer server(routes(), {auth_middleware(verifier_, logger, metrics)},
                                     options());
    auto get = [&](const std::string& target, const std::string& token) {
      return fetch(server.port(), "GET", target, {}, {{"Authorization", "Bearer " + token}}).status;
    };
    EXPECT_EQ(fetch(server.port(), "GET", "/me").status, 401);
    EXPECT_EQ(get("/me", expired_token), 401);
    EXPECT_EQ(get("/admin", forged), 401);
    EXPECT_EQ(get("/admin", forged), 401);
    EXPECT_EQ(get("/admin", tokens_.sign(tokens_.access_claims("cust"))), 403);
    EXPECT_EQ(get("/public", forged), 200) << "not a refusal";
    EXPECT_EQ(get("/me", tokens_.sign(tokens_.access_claims("cust"))), 200);
  }
  observe::configure_logging(observe::LogOptions{});
  auto count = [&](const std::string& reason) {
    return metrics.counter("auth_refusals_total", "", {{"reason", reason}}).value();
  };
  EXPECT_EQ(count("missing_token"), 1);
  EXPECT_EQ(count("expired"), 1);
  EXPECT_EQ(count("bad_signature"), 2);
  EXPECT_EQ(count("not_in_group"), 1);
  EXPECT_EQ(count("missing_scope"), 0);
  EXPECT_NE(metrics.render().find("auth_refusals_total{reason=\"unknown_key\"} 0"),
            std::string::npos)
      << "every reason is exported from the start";

  std::ifstream in(directory.path() / "auth-test.log");
  std::vector<boost::json::object> refusals;
  for (std::string line; std::getline(in, line);) {
    EXPECT_EQ(line.find(forged.substr(forged.rfind('.') + 1)), std::string::npos) << line;
    EXPECT_EQ(line.find(expired_token.substr(0, 40)), std::string::npos) << line;
    auto entry = boost::json::parse(line).as_object();
    if (entry.at("msg") == "auth refused") refusals.push_back(entry);
  }
  ASSERT_EQ(refusals.size(), 5u);
  EXPECT_EQ(refusals[0].at("level"), "info");
  EXPECT_EQ(refusals[0].at("reason"), "missing_token");
  EXPECT_EQ(refusals[0].at("status"), 401);
  EXPECT_EQ(refusals[0].at("route"), "/me");
  EXPECT_EQ(refusals[0].at("remote"), "127.0.0.1");
  EXPECT_EQ(refusals[2].at("reason"), "bad_signature");
  EXPECT_EQ(refusals[4].at("reason"), "not_in_group");
  EXPECT_EQ(refusals[4].at("status"), 403);
}

TEST(BearerToken, ParsesTheAuthorizationValue) {
  EXPECT_EQ(bearer_token("Bearer abc.def.ghi"), "abc.def.ghi");
  EXPECT_EQ(bearer_token("BEARER  abc "), "abc");
  EXPECT_EQ(bearer_token("Bearer"), "");
  EXPECT_EQ(bearer_token("Bearer a b"), "");
  EXPECT_EQ(bearer_token("Bearer a,b"), "");
  EXPECT_EQ(bearer_token("Bearerabc"), std::nullopt);
  EXPECT_EQ(bearer_token("Basic dXNlcg=="), std::nullopt);
  EXPECT_EQ(bearer_token(""), std::nullopt);
}

}  // namespace
}  // namespace hotel::auth
