// Rules for the free text and identifiers of a hotel document. Lengths count Unicode code
// points (the JSON parser has already refused invalid UTF-8).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hotel::hotels::domain {

struct TextRule {
  enum class Kind {
    kLine,        // one line: no control characters; not blank
    kParagraphs,  // line breaks and tabs allowed, other control characters not
    kIdentifier,  // printable ASCII without spaces (user ids from the identity service)
    kSlug,        // [a-z0-9] then [a-z0-9-]
  };
  Kind kind;
  std::size_t min;
  std::size_t max;
};

inline constexpr TextRule kHotelNameRule{TextRule::Kind::kLine, 1, 120};
inline constexpr TextRule kDescriptionRule{TextRule::Kind::kParagraphs, 0, 5000};
inline constexpr TextRule kAddressRule{TextRule::Kind::kLine, 1, 200};
inline constexpr TextRule kCityRule{TextRule::Kind::kLine, 1, 100};
inline constexpr TextRule kRoomNameRule{TextRule::Kind::kLine, 1, 80};
inline constexpr TextRule kUserIdRule{TextRule::Kind::kIdentifier, 1, 128};
inline constexpr TextRule kRoomTypeIdRule{TextRule::Kind::kSlug, 1, 40};

// Why `text` breaks `rule`, nullopt when it does not.
std::optional<std::string> check_text(std::string_view text, const TextRule& rule);

// "HH:MM" from 00:00 to 23:59.
bool is_time_of_day(std::string_view text);

}  // namespace hotel::hotels::domain
