#include "chassis/http/router.hpp"

#include <gtest/gtest.h>

namespace hotel::http {
namespace {

Handler noop() {
  return [](Request&) -> Task<Response> { co_return Response::empty(204); };
}

TEST(Router, MatchesLiteralAndCapturesParameters) {
  Router router;
  router.get("/v1/hotels/{id}", noop());
  router.get("/v1/hotels/{id}/photos/{photo}", noop());
  auto match = router.match(Method::kGet, "/v1/hotels/h1/photos/p9");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/v1/hotels/{id}/photos/{photo}");
  EXPECT_EQ(match.params["id"], "h1");
  EXPECT_EQ(match.params["photo"], "p9");
}

TEST(Router, LiteralSegmentBeatsCapture) {
  Router router;
  router.get("/v1/hotels/{id}", noop());
  router.get("/v1/hotels/search", noop());
  EXPECT_EQ(router.match(Method::kGet, "/v1/hotels/search").route->pattern, "/v1/hotels/search");
  EXPECT_EQ(router.match(Method::kGet, "/v1/hotels/x").route->pattern, "/v1/hotels/{id}");
}

TEST(Router, EmptySegmentDoesNotMatchCapture) {
  Router router;
  router.get("/v1/hotels/{id}", noop());
  EXPECT_EQ(router.match(Method::kGet, "/v1/hotels/").route, nullptr);
  EXPECT_EQ(router.match(Method::kGet, "/v1/hotels").route, nullptr);
  EXPECT_EQ(router.match(Method::kGet, "/v1/hotels/a/b").route, nullptr);
}

TEST(Router, RestCaptureTakesTheRemainder) {
  Router router;
  router.get("/hotel/{file...}", noop());
  auto match = router.match(Method::kGet, "/hotel/assets/app.js");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params["file"], "assets/app.js");
  EXPECT_EQ(router.match(Method::kGet, "/hotel/").route, nullptr);
}

TEST(Router, WrongMethodReportsAllowedMethods) {
  Router router;
  router.get("/v1/things", noop());
  router.post("/v1/things", noop());
  auto match = router.match(Method::kDelete, "/v1/things");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, "GET, POST");
  // Sorted by name and each once, whatever the order the routes were added in.
  router.put("/v1/{kind}", noop());
  router.add(Method::kDelete, "/v1/{kind}/{id}", noop());
  router.add(Method::kPatch, "/v1/{kind}", noop());
  router.add(Method::kOptions, "/{rest...}", noop());
  EXPECT_EQ(router.match(Method::kDelete, "/v1/things").allowed, "GET, OPTIONS, PATCH, POST, PUT");
  EXPECT_TRUE(router.match(Method::kGet, "/v1/things").allowed.empty());
}

TEST(Router, HeadFallsBackToGet) {
  Router router;
  router.get("/x", noop());
  auto match = router.match(Method::kHead, "/x");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->method, Method::kGet);
}

TEST(Router, RejectsDuplicatesAndBadPatterns) {
  Router router;
  router.get("/x", noop());
  EXPECT_THROW(router.get("/x", noop()), std::invalid_argument);
  EXPECT_THROW(router.get("x", noop()), std::invalid_argument);
  EXPECT_THROW(router.get("/{a...}/b", noop()), std::invalid_argument);
}

}  // namespace
}  // namespace hotel::http
