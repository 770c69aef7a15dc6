#include "chassis/auth/jwks.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>

#include "chassis/auth/curl_jwks_source.hpp"
#include "chassis/auth/http_jwks_source.hpp"
#include "chassis/auth/testing/tokens.hpp"
#include "chassis/core/runtime.hpp"
#include "chassis/http/testing/scripted_server.hpp"

namespace hotel::auth {
namespace {

using testing::issuer_key;
using testing::rotated_key;

std::string two_key_document() {
  return boost::json::serialize(
      jwks_document({issuer_key().public_jwk("a"), rotated_key().public_jwk("b")}));
}

TEST(Jwks, ParsesRsaSigningKeysByKid) {
  const Jwks jwks = Jwks::parse(two_key_document());
  EXPECT_EQ(jwks.size(), 2u);
  ASSERT_NE(jwks.find("a"), nullptr);
  ASSERT_NE(jwks.find("b"), nullptr);
  EXPECT_EQ(jwks.find("c"), nullptr);
  EXPECT_TRUE(jwks.find("a")->verify_rs256("x", issuer_key().sign_rs256("x")));
  EXPECT_FALSE(jwks.find("b")->verify_rs256("x", issuer_key().sign_rs256("x")));
}

TEST(Jwks, SkipsKeysItCannotUse) {
  boost::json::object encryption = issuer_key().public_jwk("enc");
  encryption["use"] = "enc";
  boost::json::object other_alg = issuer_key().public_jwk("ps");
  other_alg["alg"] = "PS256";
  boost::json::object no_kid = issuer_key().public_jwk("x");
  no_kid.erase("kid");
  boost::json::object broken = issuer_key().public_jwk("broken");
  broken["n"] = "***";
  const boost::json::object ec{{"kty", "EC"}, {"kid", "ec"}, {"crv", "P-256"}};
  const Jwks jwks = Jwks::from_json(
      jwks_document({encryption, other_alg, no_kid, broken, ec, rotated_key().public_jwk("good")}));
  EXPECT_EQ(jwks.size(), 1u);
  EXPECT_NE(jwks.find("good"), nullptr);
}

TEST(Jwks, RejectsDocumentsThatAreNotAJwks) {
  EXPECT_THROW(Jwks::parse("nope"), std::invalid_argument);
  EXPECT_THROW(Jwks::parse("[]"), std::invalid_argument);
  EXPECT_THROW(Jwks::parse(R"({"keys":{}})"), std::invalid_argument);
  EXPECT_EQ(Jwks::parse(R"({"keys":[]})").size(), 0u);
}

class JwksSourceTest : public ::testing::Test {
 protected:
  JwksSourceTest() { runtime_.start(); }

  Jwks fetch(JwksSource& source) {
    return boost::asio::co_spawn(runtime_.io(), source.fetch(), boost::asio::use_future).get();
  }

  static std::optional<http::Response> serve(int status, std::string body) {
    return http::Response::json(status, std::move(body));
  }

  core::Runtime runtime_{1, 1};
  http::testing::ScriptedServer server_{
      [](const http::Request& request) -> std::optional<http::Response> {
        if (request.target == "/.well-known/jwks.json") return serve(200, two_key_document());
        if (request.target == "/garbage") return serve(200, "{}");
        return serve(404, "{}");
      }};
};

TEST_F(JwksSourceTest, StaticSourceServesItsCurrentKeys) {
  StaticJwksSource source(testing::jwks_of({{"a", &issuer_key()}}));
  EXPECT_NE(fetch(source).find("a"), nullptr);
  source.set(testing::jwks_of({{"b", &rotated_key()}}));
  EXPECT_EQ(fetch(source).find("a"), nullptr);
  EXPECT_NE(fetch(source).find("b"), nullptr);
}

TEST_F(JwksSourceTest, HttpSourceFetchesOverTheChassisClient) {
  http::HttpClient client(runtime_);
  HttpJwksSource source(client, server_.endpoint(), "/.well-known/jwks.json");
  EXPECT_EQ(fetch(source).size(), 2u);
  HttpJwksSource missing(client, server_.endpoint(), "/nothing");
  EXPECT_THROW(fetch(missing), std::runtime_error);
  HttpJwksSource garbage(client, server_.endpoint(), "/garbage");
  EXPECT_THROW(fetch(garbage), std::invalid_argument);
}

TEST_F(JwksSourceTest, CurlSourceFetchesAUrl) {
  const std::string base = "http://" + server_.endpoint().str();
  CurlJwksSource source(runtime_, base + "/.well-known/jwks.json");
  EXPECT_EQ(fetch(source).size(), 2u);
  CurlJwksSource missing(runtime_, base + "/nothing");
  EXPECT_THROW(fetch(missing), std::runtime_error);
  CurlJwksSource closed(runtime_, "http://" + http::testing::closed_endpoint().str() + "/jwks");
  EXPECT_THROW(fetch(closed), std::runtime_error);
  CurlJwksSource small(runtime_, base + "/.well-known/jwks.json", {.max_body = 100});
  EXPECT_THROW(fetch(small), std::runtime_error);
  EXPECT_THROW(CurlJwksSource(runtime_, "file:///etc/passwd"), std::invalid_argument);
}

}  // namespace
}  // namespace hotel::auth
