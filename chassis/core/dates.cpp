#include "chassis/core/dates.hpp"

#include <fmt/format.h>

namespace hotel::core {
namespace {

// Howard Hinnant's days_from_civil.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Howard Hinnant's civil_from_days: {year, month, day} of days since 1970-01-01.
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads `count` digits at text[at]; -1 when they are not all digits.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Days since the epoch of the "YYYY-MM-DD" at the start of text.
std::optional<std::int64_t> date_prefix(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = digits(text, 0, 4);
  const int m = digits(text, 5, 2);
  const int d = digits(text, 8, 2);
  if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

}  // namespace

std::optional<std::int64_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_prefix(text);
}

std::string format_iso_date(std::int64_t days) {
  std::int64_t y = 0;
  unsigned m = 0;
  unsigned d = 0;
  civil_from_days(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::int64_t utc_day(std::chrono::system_clock::time_point time) {
  return std::chrono::floor<std::chrono::days>(time).time_since_epoch().count();
}

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) {
  using namespace std::chrono;
  const auto day = date_prefix(text);
  if (!day || text.size() < 20) return std::nullopt;
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  if (text[13] != ':' || text[16] != ':') return std::nullopt;
  const int hh = digits(text, 11, 2);
  const int mm = digits(text, 14, 2);
  const int ss = digits(text, 17, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return std::nullopt;
  std::size_t at = 19;
  nanoseconds fraction{0};
  if (at < text.size() && text[at] == '.') {
    std::int64_t scale = 100'000'000;
    ++at;
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      fraction += nanoseconds((text[at] - '0') * scale);
      scale /= 10;
      ++at;
    }
    if (at == start) return std::nullopt;
  }
  if (at >= text.size()) return std::nullopt;
  minutes offset{0};
  if (text[at] == 'Z' || text[at] == 'z') {
    ++at;
  } else if (text[at] == '+' || text[at] == '-') {
    const int oh = digits(text, at + 1, 2);
    const int om = digits(text, at + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || at + 3 >= text.size() || text[at + 3] != ':') {
      return std::nullopt;
    }
    offset = minutes(oh * 60 + om) * (text[at] == '-' ? -1 : 1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const auto since_epoch = days(*day) + hours(hh) + minutes(mm) + seconds(ss) - offset;
  return system_clock::time_point(duration_cast<system_clock::duration>(since_epoch + fraction));
}

}  // namespace hotel::core
