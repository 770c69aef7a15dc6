#include "chassis/http/multipart.hpp"

#include <gtest/gtest.h>

#include "chassis/http/errors.hpp"

namespace hotel::http {
namespace {

std::string part(std::string_view headers, std::string_view body) {
  return "--XyZ\r\n" + std::string(headers) + "\r\n\r\n" + std::string(body) + "\r\n";
}
constexpr std::string_view kClose = "--XyZ--\r\n";

std::string field_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const HttpError& error) {
    return std::to_string(error.status()) + " " + error.field();
  }
  return "no error";
}

TEST(MultipartBoundaryTest, ReadsTokenAndQuotedBoundaries) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; boundary=----WebKit12"),
            "----WebKit12");
}

TEST(MultipartBoundaryTest, RefusesOtherTypesAndBadBoundaries) {
  EXPECT_THROW(multipart_boundary("application/json"), UnsupportedMediaType);
  EXPECT_THROW(multipart_boundary("multipart/mixed; boundary=x"), UnsupportedMediaType);
  EXPECT_EQ(field_of([] { multipart_boundary("multipart/form-data"); }), "400 Content-Type");
  EXPECT_EQ(field_of([] { multipart_boundary("multipart/form-data; boundary="); }),
            "400 Content-Type");
  EXPECT_EQ(field_of([] { multipart_boundary("multipart/form-data; boundary=\"ends \""); }),
            "400 Content-Type");
  EXPECT_EQ(
      field_of([] { multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')); }),
      "400 Content-Type");
  EXPECT_EQ(field_of([] { multipart_boundary("multipart/form-data; boundary=a; boundary=b"); }),
            "400 Content-Type");
}

TEST(MultipartTest, ParsesFieldsAndFiles) {
  const std::string body =
      part("Content-Disposition: form-data; name=\"caption\"", "Lobby") +
      part(
          "Content-Disposition: form-data; name=\"photo\"; filename=\"../../etc/passwd.jpg\"\r\n"
          "Content-Type: image/jpeg",
          std::string("\xff\xd8\xff\0\r\n--XyNOT-a-delimiter", 25)) +
      std::string(kClose);
  const auto parts = parse_multipart(body, "XyZ");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "caption");
  EXPECT_FALSE(parts[0].filename);
  EXPECT_EQ(parts[0].body, "Lobby");
  EXPECT_EQ(parts[1].name, "photo");
  EXPECT_EQ(parts[1].filename, "../../etc/passwd.jpg");
  EXPECT_EQ(parts[1].content_type, "image/jpeg");
  EXPECT_EQ(parts[1].body.size(), 25u);
  EXPECT_EQ(parts[1].body.substr(0, 3), "\xff\xd8\xff");
}

TEST(MultipartTest, EmptyPartBodyAndEpilogueAreFine) {
  const auto parts = parse_multipart(
      part("Content-Disposition: form-data; name=a", "") + "--XyZ--epilogue", "XyZ");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "");
}

TEST(MultipartTest, RefusesMalformedBodies) {
  const std::string good = part("Content-Disposition: form-data; name=a", "x");
  const std::vector<std::string> bad = {
      "",
      "preamble\r\n" + good + std::string(kClose),
      good,                                                         // no close delimiter
      good.substr(0, good.size() - 4),                              // truncated mid-part
      "--XyZ \r\n" + good.substr(7) + std::string(kClose),          // padding after delimiter
      part("Content-Type: text/plain", "x") + std::string(kClose),  // no disposition
      part("Content-Disposition: attachment; name=a", "x") + std::string(kClose),
      part("Content-Disposition: form-data", "x") + std::string(kClose),  // no name
      part("Content-Disposition: form-data; name=\"\"", "x") + std::string(kClose),
      part("Content-Disposition: form-data; name=\"a", "x") + std::string(kClose),
      part("Content-Disposition: form-data; name=a; name=b", "x") + std::string(kClose),
      part("Content-Disposition: form-data;\r\n name=a", "x") + std::string(kClose),  // folded
      part("Content-Disposition: form-data; name=a\nX: y", "x") + std::string(kClose),
      part("Content-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: base64", "eA==") +
          std::string(kClose),
      part("No colon here", "x") + std::string(kClose),
      "--XyZ\r\n\r\nbody\r\n" + std::string(kClose),  // no headers at all
      good + "--XyZjunk\r\n",                         // delimiter followed by junk
      "--XyZ\nContent-Disposition: form-data; name=a\n\nx\n--XyZ--\n",  // bare LF
  };
  for (const auto& body : bad) {
    EXPECT_EQ(field_of([&] { parse_multipart(body, "XyZ"); }), "400 body") << body;
  }
}

TEST(MultipartTest, EnforcesLimits) {
  const std::string one = part("Content-Disposition: form-data; name=a", std::string(100, 'x'));
  MultipartLimits limits;
  limits.max_part_bytes = 99;
  EXPECT_THROW(parse_multipart(one + std::string(kClose), "XyZ", limits), PayloadTooLarge);
  EXPECT_THROW(parse_multipart(one, "XyZ", limits), PayloadTooLarge);
  limits.max_part_bytes = 100;
  EXPECT_EQ(parse_multipart(one + std::string(kClose), "XyZ", limits).size(), 1u);

  limits.max_parts = 2;
  EXPECT_EQ(
      field_of([&] { parse_multipart(one + one + one + std::string(kClose), "XyZ", limits); }),
      "400 body");
  limits.max_header_bytes = 20;
  EXPECT_EQ(field_of([&] { parse_multipart(one + std::string(kClose), "XyZ", limits); }),
            "400 body");
}

}  // namespace
}  // namespace hotel::http
