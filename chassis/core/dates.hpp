// Calendar dates (ISO 8601 "2024-05-01", kept as days since 1970-01-01) and RFC 3339 timestamps:
// stays and inventory nights, event times.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotel::core {

// Days since 1970-01-01 of a valid "YYYY-MM-DD" date (years 1970..9999); nullopt otherwise.
std::optional<std::int64_t> parse_iso_date(std::string_view text);

// "YYYY-MM-DD" of a day since 1970-01-01 (0 <= days <= the last day of 9999).
std::string format_iso_date(std::int64_t days);

// The UTC calendar day of `time`, as days since 1970-01-01.
std::int64_t utc_day(std::chrono::system_clock::time_point time);

// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)" (also 't', 'z' and a space for 'T'); nullopt when
// the text is not such a timestamp or names an impossible date or time.
std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text);

}  // namespace hotel::core
