// The gateway's edge through its real middleware chain: CORS, security headers, rate limits.
#include <gtest/gtest.h>

#include "chassis/http/testing/scripted_server.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "services/gateway/testing/gateway_harness.hpp"

namespace hotel::gateway {
namespace {

using http::testing::fetch;
using http::testing::ScriptedServer;
using Fields = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kOrigin = "https://hotel.example";

class GatewayEdge : public ::testing::Test {
 protected:
  std::unique_ptr<testing::GatewayHarness> start(std::map<std::string, std::string> env = {}) {
    env.emplace("HOTEL_GATEWAY_CORS_ORIGINS", std::string(kOrigin) + ",http://localhost:5173");
    return std::make_unique<testing::GatewayHarness>(
        testing::HarnessOptions{std::move(env), {{"search", {search_.endpoint()}}}});
  }
  ScriptedServer search_{[](const http::Request&) { return http::Response::json(200, "{}"); }};
};

TEST_F(GatewayEdge, PreflightFromAnAllowedOrigin) {
  auto gateway = start();
  const auto response = fetch(gateway->port(), "OPTIONS", "/v1/search", {},
                              Fields{{"Origin", kOrigin},
                                     {"Access-Control-Request-Method", "GET"},
                                     {"Access-Control-Request-Headers", "authorization"}});
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.header("Access-Control-Allow-Origin"), kOrigin);
  EXPECT_EQ(response.header("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
  EXPECT_NE(response.header("Access-Control-Allow-Headers").find("Authorization"),
            std::string::npos);
  EXPECT_EQ(response.header("Access-Control-Max-Age"), "600");
  EXPECT_EQ(response.header("Access-Control-Allow-Credentials"), "true");
  EXPECT_NE(response.header("Vary").find("Origin"), std::string::npos);
  EXPECT_TRUE(search_.requests().empty()) << "preflights stay at the gateway, without a token";
}

TEST_F(GatewayEdge, PreflightFromAnotherOriginIsRefused) {
  auto gateway = start();
  const auto response =
      fetch(gateway->port(), "OPTIONS", "/v1/search", {},
            Fields{{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.header("Access-Control-Allow-Origin"), "");
  EXPECT_EQ(response.header("Vary"), "Origin");
}

TEST_F(GatewayEdge, PreflightOnAnUnroutedPathIsNotFound) {
  auto gateway = start();
  const auto response =
      fetch(gateway->port(), "OPTIONS", "/v2/nothing", {},
            Fields{{"Origin", kOrigin}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(response.status, 404);
}

TEST_F(GatewayEdge, AnswersToAllowedOriginsCarryCorsHeadersErrorsIncluded) {
  auto gateway = start();
  const auto ok = fetch(gateway->port(), "GET", "/v1/search?city=Rome", {},
                        Fields{{"Origin", "http://localhost:5173"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.header("Access-Control-Allow-Origin"), "http://localhost:5173");
  EXPECT_NE(ok.header("Access-Control-Expose-Headers").find("X-Request-Id"), std::string::npos);
  const auto missing = fetch(gateway->port(), "GET", "/nowhere", {}, Fields{{"Origin", kOrigin}});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("Access-Control-Allow-Origin"), kOrigin);
  const auto other =
      fetch(gateway->port(), "GET", "/v1/search", {}, Fields{{"Origin", "https://evil.example"}});
  EXPECT_EQ(other.header("Access-Control-Allow-Origin"), "");
  EXPECT_EQ(other.header("Vary"), "Origin");
}

TEST_F(GatewayEdge, SecurityHeadersOnEveryAnswer) {
  auto gateway = start();
  for (const char* target : {"/v1/search", "/nowhere", "/", "/openapi.json"}) {
    const auto response = fetch(gateway->port(), "GET", target);
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(response.header("X-Frame-Options"), "DENY") << target;
    EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer") << target;
    EXPECT_EQ(response.header("Content-Security-Policy"),
              "default-src 'none'; frame-ancestors 'none'")
        << target;
    EXPECT_EQ(response.header("Strict-Transport-Security"), "") << target;
  }
}

// What the server answers before any route runs (malformed requests, oversized headers or
// bodies) gets the gateway's headers too.
TEST_F(GatewayEdge, ErrorsBeforeRoutingCarryTheGatewayHeaders) {
  auto gateway = start();
  const std::string origin = std::string("Origin: ") + kOrigin + "\r\n";
  const std::vector<std::pair<std::string, int>> cases = {
      {"GARBAGE\r\n\r\n", 400},
      {"GET %zz HTTP/1.1\r\nHost: x\r\n" + origin + "\r\n", 400},
      {"GET /v1/search HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n",
       431},
      {"POST /v1/search HTTP/1.1\r\nHost: x\r\n" + origin + "Content-Length: 999999999\r\n\r\n{}",
       413},
  };
  for (const auto& [request, status] : cases) {
    const auto out = http::testing::raw_exchange(gateway->port(), request);
    EXPECT_EQ(http::testing::raw_status(out), status) << out;
    for (const char* field : {"X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer",
                              "Content-Security-Policy: default-src 'none'", "X-Request-Id: "}) {
      EXPECT_NE(out.find(field), std::string::npos) << field << "\n" << out;
    }
    const bool origin_known = request.find("Origin:") != std::string::npos;
    EXPECT_EQ(out.find(std::string("Access-Control-Allow-Origin: ") + kOrigin) != std::string::npos,
              origin_known)
        << out;
  }
}

TEST_F(GatewayEdge, HstsOnlyOverTlsFromATrustedProxy) {
  auto gateway = start({{"HOTEL_GATEWAY_TRUSTED_PROXIES", "127.0.0.1"}});
  const auto tls =
      fetch(gateway->port(), "GET", "/v1/search", {}, Fields{{"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(tls.header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/search").header("Strict-Transport-Security"), "");
  auto untrusting = start();
  EXPECT_EQ(
      fetch(untrusting->port(), "GET", "/v1/search", {}, Fields{{"X-Forwarded-Proto", "https"}})
          .header("Strict-Transport-Security"),
      "");
}

TEST_F(GatewayEdge, PerAddressLimitAnswers429WithRetryAfter) {
  auto gateway = start(
      {{"HOTEL_GATEWAY_RATE_READ_PER_ADDRESS", "0.5"}, {"HOTEL_GATEWAY_RATE_READ_BURST", "2"}});
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/search").status, 200);
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/search").status, 200);
  const auto limited = fetch(gateway->port(), "GET", "/v1/search", {}, Fields{{"Origin", kOrigin}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(limited.header("Retry-After"), "2");
  EXPECT_EQ(limited.header("Access-Control-Allow-Origin"), kOrigin) << "scripts can read it";
  EXPECT_EQ(search_.requests().size(), 2u);
  EXPECT_EQ(fetch(gateway->port(), "GET", "/openapi.json").status, 200) << "another class";
}

TEST_F(GatewayEdge, TrustedProxiesLimitTheClientNotTheProxy) {
  auto gateway = start({{"HOTEL_GATEWAY_TRUSTED_PROXIES", "127.0.0.1"},
                        {"HOTEL_GATEWAY_RATE_READ_PER_ADDRESS", "0.1"},
                        {"HOTEL_GATEWAY_RATE_READ_BURST", "1"}});
  EXPECT_EQ(
      fetch(gateway->port(), "GET", "/v1/search", {}, Fields{{"X-Forwarded-For", "203.0.113.1"}})
          .status,
      200);
  EXPECT_EQ(
      fetch(gateway->port(), "GET", "/v1/search", {}, Fields{{"X-Forwarded-For", "203.0.113.2"}})
          .status,
      200);
  EXPECT_EQ(
      fetch(gateway->port(), "GET", "/v1/search", {}, Fields{{"X-Forwarded-For", "203.0.113.1"}})
          .status,
      429);
}

TEST_F(GatewayEdge, OpenApiDocumentWithEtag) {
  auto gateway = start();
  const auto response = fetch(gateway->port(), "GET", "/openapi.json");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("Content-Type"), "application/json");
  EXPECT_NE(response.body.find("\"openapi\": \"3.1.0\""), std::string::npos);
  const auto again = fetch(gateway->port(), "GET", "/openapi.json", {},
                           Fields{{"If-None-Match", response.header("ETag")}});
  EXPECT_EQ(again.status, 304);
}

}  // namespace
}  // namespace hotel::gateway
