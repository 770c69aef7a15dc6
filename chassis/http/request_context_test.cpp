#include "chassis/http/request_context.hpp"

#include <gtest/gtest.h>

#include "chassis/core/ids.hpp"
#include "chassis/http/client.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"

namespace hotel::http {
namespace {

TEST(RequestContext, ParsesValidTraceparentOnly) {
  std::string trace;
  std::string span;
  EXPECT_TRUE(
      parse_traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", trace, span));
  EXPECT_EQ(trace, "0af7651916cd43dd8448eb211c80319c");
  EXPECT_EQ(span, "b7ad6b7169203331");
  for (const char* bad : {"", "00-", "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                          "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                          "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
                          "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
                          "00-0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331-01"}) {
    EXPECT_FALSE(parse_traceparent(bad, trace, span)) << bad;
  }
}

TEST(RequestContext, KeepsIdsAcrossCallsAndTakesTheSmallerBudget) {
  Request request;
  request.headers.set("X-Request-Id", "abc-123");
  request.headers.set(kRemainingTimeHeader, "250");
  fill_request_context(request, std::chrono::milliseconds::max());
  const auto span = request.context.span_id;
  EXPECT_EQ(request.context.request_id, "abc-123");
  EXPECT_EQ(request.context.trace_id.size(), 32U);
  EXPECT_TRUE(core::is_hex_id(span, 16));
  EXPECT_LE(request.context.remaining().count(), 250);
  fill_request_context(request, std::chrono::milliseconds(100));
  EXPECT_EQ(request.context.span_id, span);
  EXPECT_LE(request.context.remaining().count(), 100);
  EXPECT_NE(request.context.traceparent().find(request.context.trace_id), std::string::npos);
}

TEST(RequestContext, IgnoresMalformedBudgets) {
  Request request;
  request.headers.set(kRemainingTimeHeader, "-5");
  fill_request_context(request, std::chrono::milliseconds(1000));
  EXPECT_GT(request.context.remaining().count(), 500);
  EXPECT_EQ(RequestContext{}.remaining(), std::chrono::milliseconds::max());
}

TEST(JsonHelpers, QueryIntNamesTheParameter) {
  Request request;
  request.query = "limit=abc&after=5&big=99999999999999999999";
  EXPECT_EQ(query_int(request, "after", 0, 0, 10), 5);
  EXPECT_EQ(query_int(request, "missing", 7, 0, 10), 7);
  try {
    query_int(request, "limit", 0, 0, 10);
    FAIL();
  } catch (const HttpError& error) {
    EXPECT_EQ(error.field(), "limit");
    EXPECT_EQ(error.status(), 400);
  }
  EXPECT_THROW(query_int(request, "big", 0, 0, 10), HttpError);
  EXPECT_THROW(query_int(request, "after", 0, 6, 10), HttpError);
}

TEST(JsonHelpers, TypedFieldReaders) {
  boost::json::object object{{"name", "Ritz"}, {"stars", 5}, {"bad", 1.5}, {"nul", nullptr}};
  EXPECT_EQ(require_string(object, "name"), "Ritz");
  EXPECT_EQ(require_int(object, "stars"), 5);
  EXPECT_FALSE(optional_string(object, "nul").has_value());
  try {
    require_string(object, "stars", "hotel");
    FAIL();
  } catch (const HttpError& error) {
    EXPECT_EQ(error.field(), "hotel.stars");
  }
  EXPECT_THROW(require_int(object, "bad"), HttpError);
  EXPECT_THROW(require_int(object, "absent"), HttpError);
}

TEST(Ids, UuidAndHexShapes) {
  const auto uuid = core::uuid_v4();
  ASSERT_EQ(uuid.size(), 36U);
  EXPECT_EQ(uuid[14], '4');
  EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos);
  EXPECT_NE(core::random_hex(16), core::random_hex(16));
  EXPECT_EQ(core::random_hex(3).size(), 6U);
}

}  // namespace
}  // namespace hotel::http
