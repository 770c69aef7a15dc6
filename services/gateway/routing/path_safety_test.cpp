#include "services/gateway/routing/path_safety.hpp"

#include <gtest/gtest.h>

#include "chassis/http/errors.hpp"

namespace hotel::gateway::routing {
namespace {

http::Request request(std::string target, std::string decoded_path) {
  http::Request out;
  out.target = std::move(target);
  out.path = std::move(decoded_path);
  return out;
}

TEST(GatewayPathSafety, PlainPathsPass) {
  EXPECT_FALSE(unsafe_path_reason(request("/v1/hotels/7?q=a%2Fb", "/v1/hotels/7")));
  EXPECT_FALSE(unsafe_path_reason(request("/hotel/app.3f9a1c2b.js", "/hotel/app.3f9a1c2b.js")));
  EXPECT_FALSE(unsafe_path_reason(request("/v1/search/caf%C3%A9", "/v1/search/café")));
  EXPECT_FALSE(unsafe_path_reason(request("/a/..b/c.", "/a/..b/c.")));
}

TEST(GatewayPathSafety, RefusesWhatCouldLeaveTheRoute) {
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/../etc/passwd", "/hotel/../etc/passwd")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/%2e%2e/x", "/hotel/../x")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/./x", "/hotel/./x")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/..", "/hotel/..")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/a%2Fb", "/hotel/a/b")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/a%2fb", "/hotel/a/b")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/a%5Cb", "/hotel/a\\b")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/a\\b", "/hotel/a\\b")));
  EXPECT_TRUE(unsafe_path_reason(request("/hotel/a%00", std::string("/hotel/a\0", 9))));
  try {
    require_safe_path(request("/hotel/../x", "/hotel/../x"));
    FAIL();
  } catch (const http::BadRequest& error) {
    EXPECT_EQ(error.status(), 400);
    EXPECT_EQ(error.field(), "path");
  }
}

TEST(GatewayPathSafety, DotSegmentsAnywhereAndTheReasonsInOrder) {
  for (const char* path : {"/.", "/..", "/./a", "/a/.", "/a/b/..", "/a//../b"}) {
    EXPECT_EQ(unsafe_path_reason(request(path, path)), "must not contain '.' or '..' segments")
        << path;
  }
  EXPECT_EQ(unsafe_path_reason(request("/../a\\b", "/../a\\b")), "must not contain NUL or '\\'");
  EXPECT_EQ(unsafe_path_reason(request("/../a%5cb", "/../a\\b")),
            "must not contain an encoded '/', '\\' or NUL");
  EXPECT_FALSE(unsafe_path_reason(request("/a/.../b", "/a/.../b")));
  EXPECT_FALSE(unsafe_path_reason(request("/", "/")));
}

}  // namespace
}  // namespace hotel::gateway::routing
