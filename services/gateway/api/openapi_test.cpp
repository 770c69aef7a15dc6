// docs/openapi.json (compiled in) against the built-in route table: every documented operation
// is routed, and every route documents at least one operation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "services/gateway/embedded.hpp"
#include "services/gateway/gateway_keys.hpp"
#include "services/gateway/routing/route_table.hpp"

namespace hotel::gateway {
namespace {

struct Operation {
  http::Method method;
  std::string path;    // as documented: "/v1/hotels/{hotel_id}"
  std::string sample;  // with every parameter filled in: "/v1/hotels/p1"
};

std::vector<Operation> documented_operations() {
  const auto document = boost::json::parse(embedded::kOpenApiJson).as_object();
  std::vector<Operation> operations;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    const std::string sample =
        std::regex_replace(std::string(path), std::regex(R"(\{[^}]+\})"), "p1");
    for (const auto& [method, operation] : item.as_object()) {
      std::string upper(method);
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      operations.push_back({http::parse_method(upper), std::string(path), sample});
    }
  }
  return operations;
}

routing::RouteTable default_table() {
  routing::TableVocabulary vocabulary{
      {"identity", "hotels", "search", "booking", "payment", "notification"},
      {kRateClasses.begin(), kRateClasses.end()}};
  return routing::parse_route_table(embedded::kDefaultRoutesJson, vocabulary);
}

void add_rule(http::Router& router, const routing::RouteRule& rule) {
  for (const auto& pattern : rule.patterns()) {
    for (auto method : rule.methods) router.add(method, pattern, {});
  }
}

TEST(GatewayOpenApi, IsAnOpenApi31Document) {
  const auto document = boost::json::parse(embedded::kOpenApiJson).as_object();
  EXPECT_EQ(document.at("openapi"), "3.1.0");
  EXPECT_TRUE(document.at("info").as_object().contains("title"));
  EXPECT_GT(documented_operations().size(), 30u);
}

TEST(GatewayOpenApi, EveryDocumentedOperationIsRouted) {
  http::Router routed;
  for (const auto& rule : default_table().rules) add_rule(routed, rule);
  routed.get("/openapi.json", {});  // the gateway's own
  for (const auto& operation : documented_operations()) {
    ASSERT_NE(operation.method, http::Method::kOther) << operation.path;
    EXPECT_NE(routed.match(operation.method, operation.sample).route, nullptr)
        << http::method_name(operation.method) << " " << operation.path
        << " is documented but not routed";
    EXPECT_FALSE(routing::is_internal_path(operation.sample)) << operation.path;
  }
}

TEST(GatewayOpenApi, EveryRouteIsDocumented) {
  const auto operations = documented_operations();
  for (const auto& rule : default_table().rules) {
    http::Router only;
    add_rule(only, rule);
    const bool documented = std::any_of(operations.begin(), operations.end(), [&](const auto& op) {
      return only.match(op.method, op.sample).route != nullptr;
    });
    EXPECT_TRUE(documented) << rule.path << " (" << rule.service << ") has no documented operation";
  }
}

}  // namespace
}  // namespace hotel::gateway
