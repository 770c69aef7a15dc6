#include "chassis/observe/utf8.hpp"

#include <boost/locale/utf.hpp>

namespace hotel::observe {
namespace {

using Utf8 = boost::locale::utf::utf_traits<char>;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_bad(boost::locale::utf::code_point code) {
  return code == boost::locale::utf::illegal || code == boost::locale::utf::incomplete;
}

}  // namespace

bool is_ascii(std::string_view text) {
  unsigned char high = 0;  // this loop vectorises
  for (const char c : text) high |= static_cast<unsigned char>(c);
  return high < 0x80;
}

std::string valid_utf8(std::string_view text) {
  // ASCII, as nearly every logged text is, is valid UTF-8 as it is.
  if (is_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  const char* it = text.data();
  const char* const end = it + text.size();
  while (it != end) {
    const char* start = it;
    if (is_bad(Utf8::decode(it, end))) {
      out += kReplacement;
      it = start + 1;
    } else {
      out.append(start, it);
    }
  }
  return out;
}

}  // namespace hotel::observe
