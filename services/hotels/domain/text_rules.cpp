#include "services/hotels/domain/text_rules.hpp"

namespace hotel::hotels::domain {
namespace {

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // not a continuation byte
  }
  return count;
}

bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

}  // namespace

std::optional<std::string> check_text(std::string_view text, const TextRule& rule) {
  using Kind = TextRule::Kind;
  for (const char c : text) {
    switch (rule.kind) {
      case Kind::kLine:
        if (is_control(c)) return "must be one line without control characters";
        break;
      case Kind::kParagraphs:
        if (is_control(c) && c != '\n' && c != '\r' && c != '\t') {
          return "must not contain control characters";
        }
        break;
      case Kind::kIdentifier:
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
          return "must be printable ASCII without spaces";
        }
        break;
      case Kind::kSlug: {
        const bool lower_alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!lower_alnum && (c != '-' || text.front() == '-')) {
          return "must be lower-case letters, digits and '-', starting with a letter or digit";
        }
        break;
      }
    }
  }
  const auto length = code_points(text);
  if (length < rule.min || length > rule.max) {
    if (rule.min == 1 && length == 0) return std::string("must not be empty");
    return "must be " + std::to_string(rule.min) + " to " + std::to_string(rule.max) +
           " characters long";
  }
  if (rule.kind == Kind::kLine && text.find_first_not_of(' ') == std::string_view::npos) {
    return std::string("must not be blank");
  }
  return std::nullopt;
}

bool is_time_of_day(std::string_view text) {
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return false;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  return hours < 24 && minutes < 60;
}

}  // namespace hotel::hotels::domain
