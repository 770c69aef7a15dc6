#include "chassis/http/wire.hpp"

#include <gtest/gtest.h>

namespace hotel::http {
namespace {

TEST(Wire, ResponseHeadReplacesFramingAndRequestId) {
  Headers headers;
  headers.add("Content-Type", "application/json");
  headers.add("Content-Length", "999");
  headers.add("Connection", "keep-alive");
  headers.add("X-Request-Id", "theirs");
  headers.add("X-Split", "a\r\nSet-Cookie: evil=1");
  EXPECT_EQ(response_head(200, headers, 11, true, "ours", 12),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: ours\r\n"
            "Content-Length: 12\r\n\r\n");
  EXPECT_EQ(response_head(404, {}, 11, false, "", 0),
            "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(response_head(304, {}, 10, true, "", std::nullopt),
            "HTTP/1.0 304 Not Modified\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_TRUE(status_has_no_body(204));
  EXPECT_TRUE(status_has_no_body(100));
  EXPECT_FALSE(status_has_no_body(200));
}

TEST(Wire, RequestHeadSetsHostExtraFieldsAndLength) {
  Request request;
  request.method = Method::kGet;
  request.target = "/v1/hotels?city=Rome";
  request.headers.add("Authorization", "Bearer t");
  request.headers.add("X-Request-Id", "old");
  request.headers.add("Transfer-Encoding", "chunked");
  EXPECT_EQ(request_head(request, "10.0.0.1:8082", {{"X-Request-Id", "new"}}),
            "GET /v1/hotels?city=Rome HTTP/1.1\r\nAuthorization: Bearer t\r\n"
            "Host: 10.0.0.1:8082\r\nX-Request-Id: new\r\n\r\n");
  request.method = Method::kPost;
  request.target.clear();
  request.headers = {};
  request.headers.add("Host", "hotels");
  EXPECT_EQ(request_head(request, "ignored", {}),
            "POST / HTTP/1.1\r\nHost: hotels\r\nContent-Length: 0\r\n\r\n");
  request.method = Method::kOther;
  request.method_text = "PROPFIND";
  request.body = "abc";
  EXPECT_EQ(request_head(request, "ignored", {}),
            "PROPFIND / HTTP/1.1\r\nHost: hotels\r\nContent-Length: 3\r\n\r\n");
}

}  // namespace
}  // namespace hotel::http
