#include "chassis/http/swar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace hotel::http {
namespace {

// find_control against a plain search: every length up to 70 (the sixteen-, eight- and
// one-at-a-time parts), every position, every byte value there, over a background of bytes that
// are not control characters (high-bit ones included, which a signed compare would take for
// controls).
TEST(Swar, FindControlFindsTheFirstControlCharacter) {
  const std::string background = "aZ~ \x80\xff!0\x7e\xa0";
  for (std::size_t length = 0; length <= 70; ++length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += background[i % background.size()];
    const char* const end = text.data() + text.size();
    EXPECT_EQ(swar::find_control(text.data(), end), end) << length;
    for (std::size_t at = 0; at < length; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string changed = text;
        changed[at] = static_cast<char>(byte);
        const char* const first = changed.data();
        const char* const last = first + changed.size();
        const char* const expected = std::find_if(first, last, swar::is_control);
        ASSERT_EQ(swar::find_control(first, last), expected) << length << " " << at << " " << byte;
      }
    }
  }
}

}  // namespace
}  // namespace hotel::http
