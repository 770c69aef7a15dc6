#include "services/gateway/routing/route_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/gateway/embedded.hpp"
#include "services/gateway/routing/route_shape.hpp"

namespace hotel::gateway::routing {
namespace {

using http::Method;
using ::testing::HasSubstr;

const TableVocabulary kVocabulary{
    {"identity", "hotels", "search", "booking", "payment", "notification"},
    {"default", "auth", "read", "write", "static"}};

RouteTable parse_routes(const std::string& routes) {
  return parse_route_table(R"({"routes": [)" + routes + "]}", kVocabulary);
}

std::string error_of(const std::string& routes) {
  try {
    parse_routes(routes);
  } catch (const RouteTableError& error) {
    return error.what();
  }
  return "no error";
}

TEST(GatewayRouteTable, DefaultTableParses) {
  const auto table = parse_route_table(embedded::kDefaultRoutesJson, kVocabulary);
  EXPECT_GE(table.rules.size(), 10u);
  EXPECT_EQ(table.services(), (std::set<std::string>{"identity", "hotels", "search", "booking",
                                                     "payment", "notification"}));
}

TEST(GatewayRouteTable, FieldsAndDefaults) {
  const auto table = parse_routes(R"(
    {"path": "/v1/hotels/**", "service": "hotels", "methods": ["POST", "DELETE"],
     "access": ["Admin", "HotelManager"], "rate_class": "write", "body_limit": 10,
     "timeout_ms": 1500, "max_attempts": 1},
    {"path": "/login", "service": "identity"})");
  ASSERT_EQ(table.rules.size(), 2u);
  const auto& hotels = table.rules[0];
  EXPECT_TRUE(hotels.is_prefix());
  EXPECT_EQ(hotels.prefix(), "/v1/hotels");
  EXPECT_EQ(hotels.patterns(), (std::vector<std::string>{"/v1/hotels", "/v1/hotels/{rest...}"}));
  EXPECT_EQ(hotels.methods, (std::vector<Method>{Method::kPost, Method::kDelete}));
  EXPECT_EQ(hotels.policy.access.kind, http::Access::Kind::kGroups);
  EXPECT_EQ(hotels.policy.access.groups, (std::vector<std::string>{"Admin", "HotelManager"}));
  EXPECT_EQ(hotels.policy.rate_class, "write");
  EXPECT_EQ(hotels.policy.body_limit, 10u);
  EXPECT_EQ(hotels.policy.timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(hotels.max_attempts, 1);
  const auto& login = table.rules[1];
  EXPECT_FALSE(login.is_prefix());
  EXPECT_EQ(login.patterns(), std::vector<std::string>{"/login"});
  EXPECT_EQ(login.policy.access.kind, http::Access::Kind::kSignedIn) << "closed by default";
  EXPECT_EQ(login.methods.size(), 5u);
  EXPECT_EQ(login.policy.rate_class, "default");
  EXPECT_EQ(login.max_attempts, 3);
}

TEST(GatewayRouteTable, ErrorsNameTheEntryAndField) {
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "colour": 1})"),
              HasSubstr("routes[0].colour: unknown field"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels"}, {"path": "/b", "service": "spa"})"),
              HasSubstr("routes[1].service: 'spa' is not one of"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "access": "admins"})"),
              HasSubstr("routes[0].access"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "access": []})"),
              HasSubstr("routes[0].access"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "methods": ["TRACE"]})"),
              HasSubstr("routes[0].methods"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "methods": ["GET", "GET"]})"),
              HasSubstr("twice"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "rate_class": "vip"})"),
              HasSubstr("routes[0].rate_class"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "timeout_ms": 0})"),
              HasSubstr("routes[0].timeout_ms: must be an integer from 1"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels", "max_attempts": 9})"),
              HasSubstr("routes[0].max_attempts"));
  EXPECT_THAT(error_of(R"({"path": "a", "service": "hotels"})"), HasSubstr("start with '/'"));
  EXPECT_THAT(error_of(R"({"path": "/a/**/b", "service": "hotels"})"), HasSubstr("'**'"));
  EXPECT_THAT(error_of(R"({"path": "/a/{x...}", "service": "hotels"})"), HasSubstr("/**"));
  EXPECT_THAT(error_of(R"({"path": "/a/../b", "service": "hotels"})"), HasSubstr("'..'"));
  EXPECT_THAT(error_of(R"({"service": "hotels"})"), HasSubstr("routes[0].path: required"));
  EXPECT_THAT(error_of(R"({"path": "/a", "service": "hotels"}, {"path": "/a", "service": "search",
                          "methods": ["GET"]})"),
              HasSubstr("routes[1].path: duplicate route: GET /a"));
  EXPECT_THAT(error_of(""), HasSubstr("routes: must not be empty"));
  EXPECT_THROW(parse_route_table("{", kVocabulary), RouteTableError);
  EXPECT_THROW(parse_route_table(R"({"routes": [], "x": 1})", kVocabulary), RouteTableError);
}

TEST(GatewayRouteTable, InternalAndGatewayPathsCannotBeRouted) {
  for (const char* path :
       {"/v1/events", "/v1/events/**", "/v1/admin/dead-letters", "/metrics", "/health/ready",
        "/v1/**", "/**", "/hotel/app.js", "/openapi.json", "/"}) {
    const std::string entry = R"({"path": ")" + std::string(path) + R"(", "service": "hotels"})";
    EXPECT_THAT(error_of(entry), HasSubstr("routes[0].path: ")) << path;
  }
  EXPECT_NO_THROW(parse_routes(R"({"path": "/v1/eventsx", "service": "hotels"})"));
  EXPECT_NO_THROW(parse_routes(R"({"path": "/hotels/**", "service": "hotels"})"));
}

TEST(GatewayRouteTable, InternalPaths) {
  EXPECT_TRUE(is_internal_path("/v1/events"));
  EXPECT_TRUE(is_internal_path("/v1/events/x"));
  EXPECT_TRUE(is_internal_path("/v1/admin/subscriptions"));
  EXPECT_TRUE(is_internal_path("/metrics"));
  EXPECT_TRUE(is_internal_path("/health/live"));
  EXPECT_FALSE(is_internal_path("/v1/eventsx"));
  EXPECT_FALSE(is_internal_path("/v1/hotels/events"));
}

TEST(GatewayRouteTable, LoadingAFileNamesIt) {
  try {
    load_route_table("/nonexistent/routes.json", kVocabulary);
    FAIL();
  } catch (const RouteTableError& error) {
    EXPECT_THAT(error.what(), HasSubstr("/nonexistent/routes.json"));
  }
}

TEST(GatewayRouteShape, ListsTheMethodsAPathAccepts) {
  const auto table = parse_routes(R"(
    {"path": "/v1/hotels/**", "service": "hotels", "methods": ["GET"], "access": "public"},
    {"path": "/v1/hotels/{id}/photos", "service": "hotels", "methods": ["POST"]},
    {"path": "/login", "service": "identity", "methods": ["POST"]})");
  const RouteShape shape(table);
  EXPECT_EQ(shape.allowed_methods("/v1/hotels"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(shape.allowed_methods("/v1/hotels/7/photos"), "GET, HEAD, OPTIONS, POST");
  EXPECT_EQ(shape.allowed_methods("/login"), "OPTIONS, POST");
  EXPECT_EQ(shape.allowed_methods("/logout"), "");
}

}  // namespace
}  // namespace hotel::gateway::routing
