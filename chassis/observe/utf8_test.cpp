#include "chassis/observe/utf8.hpp"

#include <gtest/gtest.h>

namespace hotel::observe {
namespace {

TEST(ValidUtf8, KeepsValidText) {
  EXPECT_EQ(valid_utf8(""), "");
  EXPECT_EQ(valid_utf8("plain"), "plain");
  EXPECT_EQ(valid_utf8("Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x8F\xA8"),
            "Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x8F\xA8");
}

TEST(ValidUtf8, ReplacesInvalidAndTruncatedSequences) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(valid_utf8("a\xFF"
                       "b"),
            "a" + fffd + "b");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), fffd + fffd);             // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), fffd + fffd + fffd);  // surrogate
  EXPECT_EQ(valid_utf8("end\xE2\x82"), "end" + fffd + fffd);  // truncated
}

}  // namespace
}  // namespace hotel::observe
