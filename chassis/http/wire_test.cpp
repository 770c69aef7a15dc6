#include "chassis/http/wire.hpp"

#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <random>

namespace hotel::http {
namespace {

TEST(Wire, ResponseHeadInReusedStorageIsTheSame) {
  // Storage from an earlier, longer or shorter head: nothing of it shows, its capacity is used.
  Headers headers;
  headers.add("Content-Type", "application/json");
  const std::string fresh = response_head(200, headers, 11, true, "id", 12);
  for (const std::size_t earlier : {0, 5, 40, 1000}) {
    std::string storage(earlier, 'x');
    storage.reserve(2000);
    const char* const memory = storage.data();
    const std::string reused = response_head(200, headers, 11, true, "id", 12, std::move(storage));
    EXPECT_EQ(reused, fresh) << earlier;
    EXPECT_EQ(reused.data(), memory) << earlier;
  }
}

TEST(Wire, HeadStorageIsKeptPerThreadAndTakenOnce) {
  (void)take_head_storage();  // whatever earlier tests left
  std::string head(100, 'h');
  const char* const memory = head.data();
  give_back_head_storage(std::move(head));
  std::string taken = take_head_storage();
  EXPECT_EQ(taken.data(), memory);
  EXPECT_TRUE(take_head_storage().empty());  // taken once
  EXPECT_LT(take_head_storage().capacity(), 100U);

  give_back_head_storage(std::string(std::size_t{32} * 1024, 'x'));  // too large to keep
  EXPECT_LT(take_head_storage().capacity(), std::size_t{16} * 1024);
}

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

// Fields that would split the head are left out, whatever their length (short texts and long
// ones are checked by different code).
TEST(Wire, LeavesOutFieldsWithLineBreaksOrNul) {
  const std::string long_value(300, 't');
  for (const std::string& bad : {std::string("\r"), std::string("\n"), std::string(1, '\0')}) {
    for (std::size_t at : {0, 5, 7, 8, 62, 63, 64, 126, 127, 254, 255, 299}) {
      std::string value = long_value.substr(0, std::max<std::size_t>(at + 1, 10));
      value.replace(at, 1, bad);
      Headers headers;
      headers.add("X-Value", value);
      headers.add("X" + bad + "Name", "v");
      headers.add("X-Kept", long_value);
      EXPECT_EQ(response_head(200, headers, 11, true, "", 0),
                "HTTP/1.1 200 OK\r\nX-Kept: " + long_value + "\r\nContent-Length: 0\r\n\r\n")
          << "at " << at;
    }
  }
}

TEST(Wire, KeepsTabsAndOtherTextInFields) {
  Headers headers;
  headers.add("X-Tabbed", "one\ttwo\tthree\tfour");
  headers.add("X-Obs-Text", "caf\xc3\xa9 \x7f~");
  EXPECT_EQ(response_head(200, headers, 11, true, "", 0),
            "HTTP/1.1 200 OK\r\nX-Tabbed: one\ttwo\tthree\tfour\r\n"
            "X-Obs-Text: caf\xc3\xa9 \x7f~\r\nContent-Length: 0\r\n\r\n");
}

// Bytes next to CR, LF and NUL in value (and with the high bit set) are not taken for them,
// in whole eight-byte words and in the last few characters alike.
TEST(Wire, KeepsControlCharactersOtherThanLineBreaksAndNul) {
  const std::string near = "\x01\x09\x0b\x0c\x0e\x1f\x80\x8a\x8d\xff";
  for (std::size_t length = 1; length <= 40; ++length) {
    std::string value;
    for (std::size_t i = 0; i < length; ++i) value += near[i % near.size()];
    Headers headers;
    headers.add("X-Near", value);
    EXPECT_EQ(response_head(200, headers, 11, true, "", 0),
              "HTTP/1.1 200 OK\r\nX-Near: " + value + "\r\nContent-Length: 0\r\n\r\n")
        << "length " << length;
  }
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

// Targets with nothing to decode take a short way; every target gets what Boost.URL's
// origin-form parse gives (path decoded, "/" when empty; query as sent), or is refused as it is.
TEST(Wire, ParseTargetAgreesWithBoostUrl) {
  const auto expect_same = [](const std::string& target) {
    Request request;
    const bool parsed = parse_target(target, request);
    auto origin = boost::urls::parse_origin_form(target);
    if (!origin) {
      EXPECT_FALSE(parsed) << target;
      return;
    }
    std::string path = origin->path();
    if (path.empty()) path = "/";
    if (path.find('\0') != std::string::npos) {
      EXPECT_FALSE(parsed) << target;
      return;
    }
    ASSERT_TRUE(parsed) << target;
    EXPECT_EQ(request.target, target);
    EXPECT_EQ(request.path, path) << target;
    EXPECT_EQ(request.query, std::string(origin->encoded_query())) << target;
  };
  for (int c = 0; c < 256; ++c) {
    const std::string one(1, static_cast<char>(c));
    for (const std::string& target : {"/a" + one + "b", "/a?x" + one + "y", "/" + one, one}) {
      expect_same(target);
    }
  }
  const std::string alphabet = "/?#%:@!$&'()*+,;=-._~aZ09 []{}<>\"\\^`|\x7f\x80";
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string target = "/";
    const int length = static_cast<int>(random() % 12);
    for (int j = 0; j < length; ++j) target += alphabet[random() % alphabet.size()];
    expect_same(target);
  }
  expect_same("/v1/hotels/h-1/rooms?city=Oslo&from=2026-12-01");
  expect_same("/a%20b?q=%41");
  expect_same("//double");
}

}  // namespace
}  // namespace hotel::http
