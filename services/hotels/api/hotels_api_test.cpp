// The hotels API over HTTP: roles, optimistic concurrency, problem bodies, manager lookups.
#include <gtest/gtest.h>

#include "services/hotels/testing/api_harness.hpp"
#include "services/hotels/testing/hotel_documents.hpp"

namespace hotel::hotels::api {
namespace {

using hotels::testing::ApiHarness;
using hotels::testing::Caller;
using hotels::testing::lisbon_document;

boost::json::object without_managers() {
  auto document = lisbon_document();
  document.erase("managers");
  return document;
}

class HotelsApiTest : public ::testing::Test {
 protected:
  ApiHarness api_;
};

TEST_F(HotelsApiTest, RoleMatrix) {
  auto document = without_managers();
  document["managers"] = boost::json::array{"sub-manager1@hotel.test"};
  const auto assigned = api_.create(document);
  const auto other = api_.create(without_managers());
  const auto body = boost::json::serialize(without_managers());
  struct Route {
    const char* method;
    std::string target;
  };
  const std::vector<Route> admin_routes = {
      {"POST", "/v1/hotels"},
      {"PUT", "/v1/hotels/" + other},
      {"PATCH", "/v1/hotels/" + other},
      {"DELETE", "/v1/hotels/" + other},
      {"POST", "/v1/hotels/" + other + "/photos"},
      {"PUT", "/v1/hotels/" + other + "/photos/p1"},
      {"DELETE", "/v1/hotels/" + other + "/photos/p1"},
      {"PUT", "/v1/hotels/" + other + "/photo-order"},
  };
  for (const auto& route : admin_routes) {
    const auto what = std::string(route.method) + " " + route.target;
    EXPECT_EQ(api_.call(Caller::kAnonymous, route.method, route.target, body).status, 401) << what;
    EXPECT_EQ(api_.call(Caller::kCustomer, route.method, route.target, body).status, 403) << what;
    EXPECT_EQ(api_.call(Caller::kManager, route.method, route.target, body).status, 403) << what;
  }
  EXPECT_EQ(api_.call(Caller::kAnonymous, "GET", "/v1/hotels").status, 401);
  EXPECT_EQ(api_.call(Caller::kCustomer, "GET", "/v1/hotels").status, 403);
  EXPECT_EQ(api_.call(Caller::kCustomer, "GET", "/v1/hotels/" + assigned).status, 403);
  EXPECT_EQ(api_.call(Caller::kManager, "GET", "/v1/hotels/" + assigned).status, 200);
  EXPECT_EQ(api_.call(Caller::kManager, "GET", "/v1/hotels/" + other).status, 403);
  const auto mine = api_.call(Caller::kManager, "GET", "/v1/hotels");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(ApiHarness::json(mine).at("hotels").as_array().size(), 1u);
  EXPECT_EQ(api_.call(Caller::kManager, "GET", "/v1/hotels?all=true").status, 403);
  EXPECT_EQ(api_.call(Caller::kAdmin, "GET", "/v1/hotels/" + other).status, 200);
  // Nothing the refused callers sent changed anything.
  EXPECT_EQ(api_.database.events().size(), 2u);
}

TEST_F(HotelsApiTest, CreateEditDeleteWithIfMatch) {
  const auto created =
      api_.call(Caller::kAdmin, "POST", "/v1/hotels", boost::json::serialize(without_managers()));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("ETag"), "\"1\"");
  const auto id = std::string(ApiHarness::json(created).at("id").as_string());
  EXPECT_EQ(created.header("Location"), "/v1/hotels/" + id);
  const auto target = "/v1/hotels/" + id;

  auto document = without_managers();
  document["stars"] = 5;
  const auto body = boost::json::serialize(document);
  const auto missing = api_.call(Caller::kAdmin, "PUT", target, body);
  EXPECT_EQ(missing.status, 428);
  EXPECT_EQ(ApiHarness::json(missing).at("field"), "If-Match");
  const auto put = api_.call(Caller::kAdmin, "PUT", target, body, {{"If-Match", "\"1\""}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.header("ETag"), "\"2\"");
  EXPECT_EQ(ApiHarness::json(put).at("stars"), 5);
  const auto stale = api_.call(Caller::kAdmin, "PUT", target, body, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.header("Content-Type"), "application/problem+json");

  const auto patch =
      api_.call(Caller::kAdmin, "PATCH", target, R"({"city": "Porto"})", {{"If-Match", "\"2\""}});
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(ApiHarness::json(patch).at("city"), "Porto");
  EXPECT_EQ(ApiHarness::json(patch).at("stars"), 5);
  const auto unchanged =
      api_.call(Caller::kAdmin, "PATCH", target, R"({"city": "Porto"})", {{"If-Match", "\"3\""}});
  EXPECT_EQ(unchanged.header("ETag"), "\"3\"");  // no change, no new version

  EXPECT_EQ(api_.call(Caller::kAdmin, "DELETE", target, {}, {{"If-Match", "\"2\""}}).status, 412);
  EXPECT_EQ(api_.call(Caller::kAdmin, "DELETE", target, {}, {{"If-Match", "\"3\""}}).status, 204);
  EXPECT_EQ(api_.call(Caller::kAdmin, "GET", target).status, 404);
  EXPECT_EQ(api_.call(Caller::kAdmin, "PATCH", target, "{}", {{"If-Match", "\"4\""}}).status, 404);

  std::vector<std::string> types;
  for (const auto& event : api_.database.events()) types.push_back(event.type);
  EXPECT_EQ(types, (std::vector<std::string>{"hotel.created", "hotel.updated", "hotel.updated",
                                             "hotel.deleted"}));
}

TEST_F(HotelsApiTest, BadInputNamesTheField) {
  const auto problem = [&](const std::string& body, const char* type = "application/json") {
    const auto response =
        api_.call(Caller::kAdmin, "POST", "/v1/hotels", body, {{"Content-Type", type}});
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
    const auto json = ApiHarness::json(response);
    return std::to_string(response.status) + " " +
           (json.as_object().contains("field") ? std::string(json.at("field").as_string()) : "");
  };
  auto document = without_managers();
  document["room_types"].as_array()[1].as_object()["count"] = -2;
  EXPECT_EQ(problem(boost::json::serialize(document)), "400 room_types[1].count");
  document = without_managers();
  document["wifi"] = true;
  EXPECT_EQ(problem(boost::json::serialize(document)), "400 wifi");
  EXPECT_EQ(problem("{not json"), "400 body");
  EXPECT_EQ(problem("[]"), "400 body");
  EXPECT_EQ(problem("name=x", "application/x-www-form-urlencoded"), "415 Content-Type");
  EXPECT_EQ(api_.call(Caller::kAdmin, "GET", "/v1/hotels?limit=0").status, 400);
  EXPECT_EQ(api_.call(Caller::kAdmin, "GET", "/v1/hotels?all=yes").status, 400);
  EXPECT_TRUE(api_.database.events().empty());
}

TEST_F(HotelsApiTest, ManagersAreCheckedWithIdentityOnlyWhenNew) {
  auto document = without_managers();
  document["managers"] = boost::json::array{"sub-manager1@hotel.test", "ghost"};
  auto response = api_.call(Caller::kAdmin, "POST", "/v1/hotels", boost::json::serialize(document));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(ApiHarness::json(response).at("field"), "managers[1]");
  EXPECT_EQ(ApiHarness::json(response).at("code"), "unknown_user");
  EXPECT_EQ(api_.users.last_authorization.rfind("Bearer ", 0), 0u);  // the admin's own token

  document["managers"] = boost::json::array{"sub-customer@hotel.test"};
  response = api_.call(Caller::kAdmin, "POST", "/v1/hotels", boost::json::serialize(document));
  EXPECT_EQ(ApiHarness::json(response).at("code"), "not_a_manager");

  document["managers"] = boost::json::array{"sub-manager1@hotel.test"};
  const auto id = api_.create(document);
  const int lookups = api_.users.lookups;
  api_.users.unavailable = true;
  response = api_.call(Caller::kAdmin, "PATCH", "/v1/hotels/" + id, R"({"stars": 2})",
                       {{"If-Match", "\"1\""}});
  EXPECT_EQ(response.status, 200) << response.body;  // managers untouched: identity not asked
  EXPECT_EQ(api_.users.lookups, lookups);
  response = api_.call(Caller::kAdmin, "PATCH", "/v1/hotels/" + id,
                       R"({"managers": ["sub-manager1@hotel.test", "someone-new"]})",
                       {{"If-Match", "\"2\""}});
  EXPECT_EQ(response.status, 503);
  EXPECT_FALSE(response.header("Retry-After").empty());
}

TEST_F(HotelsApiTest, ListsOwnHotelsInPages) {
  for (int i = 0; i < 3; ++i) api_.create(without_managers());
  auto page = ApiHarness::json(api_.call(Caller::kAdmin, "GET", "/v1/hotels?limit=2"));
  EXPECT_EQ(page.at("hotels").as_array().size(), 2u);
  const auto cursor = std::string(page.at("next_cursor").as_string());
  page = ApiHarness::json(api_.call(Caller::kAdmin, "GET", "/v1/hotels?limit=2&after=" + cursor));
  EXPECT_EQ(page.at("hotels").as_array().size(), 1u);
  EXPECT_TRUE(page.at("next_cursor").is_null());
}

}  // namespace
}  // namespace hotel::hotels::api
