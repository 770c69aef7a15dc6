#include "chassis/auth/service_token_provider.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/discovery/in_process_resolver.hpp"
#include "chassis/http/testing/scripted_server.hpp"
#include "chassis/secrets/testing/memory_secrets.hpp"

namespace hotel::auth {
namespace {

using namespace std::chrono_literals;

class ServiceTokenProviderTest : public ::testing::Test {
 protected:
  ServiceTokenProviderTest() {
    runtime_.start();
    resolver_.register_endpoint("identity", server_.endpoint());
  }
  ~ServiceTokenProviderTest() override { runtime_.stop(); }

  std::string authorization() {
    return boost::asio::co_spawn(runtime_.io(), provider_.authorization(), boost::asio::use_future)
        .get();
  }
  std::optional<http::Response> answer(const http::Request&) {
    if (refuse_) return http::Response::json(401, R"({"error":"invalid_client"})");
    const int n = ++issued_;
    return http::Response::json(
        200, R"({"access_token":"tok-)" + std::to_string(n) +
                 R"(","token_type":"Bearer","expires_in":3600,"scope":"events/read"})");
  }

  std::atomic<int> issued_{0};
  std::atomic<bool> refuse_{false};
  core::Runtime runtime_{1, 1};
  http::testing::ScriptedServer server_{[this](const http::Request& r) { return answer(r); }};
  http::HttpClient client_{runtime_};
  discovery::InProcessResolver resolver_;
  secrets::testing::MemorySecrets secrets_{{{"identity-client-secret-svc", "s=cret"}}};
  core::ManualClock clock_;
  ServiceTokenProvider provider_{
      runtime_, client_, resolver_, secrets_, {.client_id = "svc", .scope = "events/read"}, clock_};
};

TEST_F(ServiceTokenProviderTest, AsksTheTokenEndpointWithBasicCredentials) {
  EXPECT_EQ(authorization(), "Bearer tok-1");
  const auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, http::Method::kPost);
  EXPECT_EQ(requests[0].target, "/oauth2/token");
  EXPECT_EQ(requests[0].headers.get("Content-Type"), "application/x-www-form-urlencoded");
  // base64("svc:s%3Dcret"): the secret is form-encoded first (RFC 6749 section 2.3.1).
  EXPECT_EQ(requests[0].headers.get("Authorization"), "Basic c3ZjOnMlM0RjcmV0");
  EXPECT_EQ(requests[0].body, "grant_type=client_credentials&scope=events%2Fread");
  EXPECT_EQ(service_client_secret_name("svc"), "identity-client-secret-svc");
}

TEST_F(ServiceTokenProviderTest, CachesTheTokenUntilAMinuteBeforeItExpires) {
  EXPECT_EQ(authorization(), "Bearer tok-1");
  clock_.advance(3539s);
  EXPECT_EQ(authorization(), "Bearer tok-1");
  EXPECT_EQ(issued_.load(), 1);
  clock_.advance(2s);
  EXPECT_EQ(authorization(), "Bearer tok-2");
  provider_.invalidate();
  EXPECT_EQ(authorization(), "Bearer tok-3");
}

TEST_F(ServiceTokenProviderTest, RefusalsAndMissingSecretsThrow) {
  refuse_ = true;
  try {
    authorization();
    ADD_FAILURE() << "no error";
  } catch (const ServiceTokenError& error) {
    EXPECT_NE(std::string(error.what()).find("401 invalid_client"), std::string::npos);
  }
  ServiceTokenProvider unknown(runtime_, client_, resolver_, secrets_, {.client_id = "nobody"},
                               clock_);
  EXPECT_THROW(
      boost::asio::co_spawn(runtime_.io(), unknown.authorization(), boost::asio::use_future).get(),
      ServiceTokenError);
}

}  // namespace
}  // namespace hotel::auth
