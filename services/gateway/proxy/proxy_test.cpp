// The gateway relaying to a scripted upstream: what travels each way, and how upstream failures
// become problem answers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "chassis/http/testing/scripted_server.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "services/gateway/testing/gateway_harness.hpp"

namespace hotel::gateway {
namespace {

using http::testing::fetch;
using http::testing::ScriptedServer;
using ::testing::HasSubstr;
using ::testing::Not;

std::optional<http::Response> hotels_ok(const http::Request&) {
  http::Response response = http::Response::json(200, R"({"hotels":[]})");
  response.headers.add("Connection", "keep-alive, X-Internal");
  response.headers.add("X-Internal", "secret");
  response.headers.add("Keep-Alive", "timeout=5");
  response.headers.add("ETag", "\"v1\"");
  response.headers.add("Server", "upstream/1.0");
  return response;
}

class GatewayProxy : public ::testing::Test {
 protected:
  std::unique_ptr<testing::GatewayHarness> start(std::map<std::string, std::string> env = {}) {
    env.emplace("HOTEL_GATEWAY_BREAKER_FAILURES", "2");
    env.emplace("HOTEL_GATEWAY_BREAKER_OPEN", "60s");
    return std::make_unique<testing::GatewayHarness>(testing::HarnessOptions{
        std::move(env), {{"hotels", {hotels_.endpoint()}}, {"booking", {booking_.endpoint()}}}});
  }
  static boost::json::object problem(const http::testing::SimpleResponse& response) {
    return boost::json::parse(response.body).as_object();
  }

  ScriptedServer hotels_{hotels_ok};
  ScriptedServer booking_{[](const http::Request&) { return http::Response::text(503, "down"); }};
};

TEST_F(GatewayProxy, RelaysWithForwardingHeadersAndCorrelation) {
  auto gateway = start();
  const auto response =
      fetch(gateway->port(), "GET", "/v1/hotels?city=Par", {},
            {{"Authorization", "Bearer abc"},
             {"X-Request-Id", "req-42"},
             {"traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"},
             {"Proxy-Authorization", "Basic x"},
             {"X-Forwarded-For", "6.6.6.6"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"hotels":[]})");
  EXPECT_EQ(response.header("X-Request-Id"), "req-42");
  EXPECT_EQ(response.header("ETag"), "\"v1\"");
  EXPECT_EQ(response.header("X-Internal"), "") << "named by the upstream's Connection field";
  EXPECT_EQ(response.header("Keep-Alive"), "");
  EXPECT_EQ(response.header("Server"), "") << "the software behind the gateway is not named";
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
  const auto requests = hotels_.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& seen = requests[0];
  EXPECT_EQ(seen.target, "/v1/hotels?city=Par");
  EXPECT_EQ(seen.headers.get("Authorization"), "Bearer abc") << "services verify again";
  EXPECT_EQ(seen.headers.get("X-Request-Id"), "req-42");
  EXPECT_THAT(seen.headers.get_or("traceparent", ""),
              HasSubstr("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
  EXPECT_EQ(seen.headers.get("X-Forwarded-For"), "127.0.0.1") << "the peer is not a proxy";
  EXPECT_EQ(seen.headers.get("X-Forwarded-Proto"), "http");
  EXPECT_EQ(seen.headers.get("X-Forwarded-Host"), "127.0.0.1");
  EXPECT_FALSE(seen.headers.has("Proxy-Authorization"));
  EXPECT_NE(seen.headers.get_or("Connection", ""), "close");
  const auto budget = std::stoi(seen.headers.get_or("X-Request-Timeout-Ms", "0"));
  EXPECT_GT(budget, 0);
  EXPECT_LE(budget, 10'000) << "the route's timeout";
}

TEST_F(GatewayProxy, HeadKeepsTheUpstreamsContentLength) {
  auto gateway = start();
  const auto get = fetch(gateway->port(), "GET", "/v1/hotels");
  const auto head = fetch(gateway->port(), "HEAD", "/v1/hotels");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("Content-Length"), std::to_string(get.body.size()));
  EXPECT_EQ(head.header("ETag"), "\"v1\"");
  ASSERT_EQ(hotels_.requests().size(), 2u);
  EXPECT_EQ(hotels_.requests()[1].method, http::Method::kHead);
}

TEST_F(GatewayProxy, CallersMayShortenTheDeadlineAndItTravels) {
  auto gateway = start();
  fetch(gateway->port(), "GET", "/v1/hotels", {}, {{"X-Request-Timeout-Ms", "1500"}});
  ASSERT_EQ(hotels_.requests().size(), 1u);
  EXPECT_LE(std::stoi(hotels_.requests()[0].headers.get_or("X-Request-Timeout-Ms", "0")), 1500);
}

TEST_F(GatewayProxy, InternalPathsAndUnsafePathsAreNeverRelayed) {
  auto gateway = start();
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/events?after=0").status, 404);
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/hotels/../events").status, 400);
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/hotels/%2e%2e/admin").status, 400);
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/hotels/a%2Fb").status, 400);
  EXPECT_TRUE(hotels_.requests().empty());
}

TEST_F(GatewayProxy, UnknownPathsAndMethodsPassTheMiddlewareToo) {
  auto gateway = start();
  const auto missing = fetch(gateway->port(), "GET", "/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("X-Frame-Options"), "DENY");
  const auto wrong = fetch(gateway->port(), "PATCH", "/login");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("Allow"), "GET, HEAD, OPTIONS, POST");
  const auto options = fetch(gateway->port(), "OPTIONS", "/v1/search");
  EXPECT_EQ(options.status, 204);
  EXPECT_EQ(options.header("Allow"), "GET, HEAD, OPTIONS");
  const auto root = fetch(gateway->port(), "GET", "/");
  EXPECT_EQ(root.status, 302);
  EXPECT_EQ(root.header("Location"), "/hotel/");
}

TEST_F(GatewayProxy, UnreachableUpstreamIsBadGatewayWithoutItsAddress) {
  auto gateway = std::make_unique<testing::GatewayHarness>(
      testing::HarnessOptions{{}, {{"hotels", {http::testing::closed_endpoint()}}}});
  const auto response = fetch(gateway->port(), "GET", "/v1/hotels");
  EXPECT_EQ(response.status, 502);
  EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(problem(response).at("code"), "upstream_unreachable");
  EXPECT_THAT(response.body, Not(HasSubstr("127.0.0.1")));
  EXPECT_THAT(response.body, Not(HasSubstr("refused")));
}

TEST_F(GatewayProxy, SilentUpstreamTimesOutAtTheDeadline) {
  hotels_.set_handler([](const http::Request&) { return std::nullopt; });
  auto gateway = start();
  const auto started = std::chrono::steady_clock::now();
  const auto response =
      fetch(gateway->port(), "GET", "/v1/hotels", {}, {{"X-Request-Timeout-Ms", "300"}});
  EXPECT_EQ(response.status, 504);
  EXPECT_EQ(problem(response).at("code"), "timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_F(GatewayProxy, FailingUpstreamOpensTheBreakerAndFailsFast) {
  auto gateway = start();
  // GET is retried (3 attempts): the two failures of the first call open the breaker.
  EXPECT_EQ(fetch(gateway->port(), "GET", "/v1/bookings").status, 503);
  const auto calls = booking_.requests().size();
  const auto fast = fetch(gateway->port(), "GET", "/v1/bookings");
  EXPECT_EQ(fast.status, 503);
  EXPECT_EQ(problem(fast).at("code"), "upstream_unavailable");
  EXPECT_GE(std::stoi(fast.header("Retry-After")), 1);
  EXPECT_EQ(booking_.requests().size(), calls) << "the open breaker sent nothing";
}

TEST_F(GatewayProxy, PostIsNotRetriedWithoutAnIdempotencyKey) {
  auto gateway = start({{"HOTEL_GATEWAY_BREAKER_FAILURES", "100"}});
  EXPECT_EQ(fetch(gateway->port(), "POST", "/v1/bookings", "{}").status, 503);
  EXPECT_EQ(booking_.requests().size(), 1u);
  EXPECT_EQ(fetch(gateway->port(), "POST", "/v1/bookings", "{}", {{"Idempotency-Key", "k"}}).status,
            503);
  EXPECT_EQ(booking_.requests().size(), 1u + 3u);
}

TEST_F(GatewayProxy, NoEndpointIsUnavailable) {
  auto gateway = start();
  const auto response = fetch(gateway->port(), "GET", "/v1/payments");
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.header("Retry-After"), "1");
}

}  // namespace
}  // namespace hotel::gateway
