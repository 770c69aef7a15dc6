#include "services/hotels/api/preconditions.hpp"

#include <gtest/gtest.h>

#include "chassis/http/errors.hpp"

namespace hotel::hotels::api {
namespace {

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const http::HttpError& error) {
    return error.status();
  }
  return 0;
}

TEST(HotelsPreconditionsTest, IfMatchNamesOneVersion) {
  EXPECT_EQ(etag_of_version(7), "\"7\"");
  EXPECT_EQ(parse_if_match("\"7\""), 7);
  EXPECT_EQ(parse_if_match(" \"12\" "), 12);
  for (const char* bad :
       {"7", "\"\"", "*", "W/\"7\"", "\"7\", \"8\"", "\"-1\"", "\"0\"", "\"x\""}) {
    EXPECT_EQ(status_of([&] { parse_if_match(bad); }), 400) << bad;
  }
}

TEST(HotelsPreconditionsTest, RequiredOrOptional) {
  http::Request request;
  EXPECT_EQ(status_of([&] { required_version(request); }), 428);
  EXPECT_FALSE(optional_version(request));
  request.headers.set("If-Match", "\"3\"");
  EXPECT_EQ(required_version(request), 3);
  EXPECT_EQ(optional_version(request), 3);
}

}  // namespace
}  // namespace hotel::hotels::api
