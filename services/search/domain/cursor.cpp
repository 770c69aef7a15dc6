#include "services/search/domain/cursor.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "chassis/auth/base64url.hpp"

namespace hotel::search::domain {
namespace {

constexpr std::string_view kVersion = "c2";
constexpr char kSeparator = '|';
constexpr std::size_t kMaxCursorLength = 512;

bool parse_int(std::string_view text, std::int64_t& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool parse_double(std::string_view text, double& out) {
  // std::from_chars for double is not in every libstdc++ this builds with; strtod on a copy.
  if (text.empty() || text.size() > 40) return false;
  const std::string copy(text);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && std::isfinite(out) && out >= 0;
}

std::vector<std::string_view> split(std::string_view text, std::size_t parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < parts) {
    const auto at = text.find(kSeparator);
    if (at == std::string_view::npos) break;
    out.push_back(text.substr(0, at));
    text.remove_prefix(at + 1);
  }
  out.push_back(text);
  return out;
}

}  // namespace

std::string_view sort_name(SortOrder sort) {
  switch (sort) {
    case SortOrder::kPrice:
      return "price";
    case SortOrder::kRating:
      return "rating";
    case SortOrder::kDistance:
      return "distance";
  }
  return "rating";
}

std::optional<SortOrder> parse_sort(std::string_view name) {
  for (const auto sort : {SortOrder::kPrice, SortOrder::kRating, SortOrder::kDistance}) {
    if (name == sort_name(sort)) return sort;
  }
  return std::nullopt;
}

std::string encode_cursor(const Cursor& cursor) {
  std::string key;
  if (cursor.sort == SortOrder::kDistance) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", cursor.after.distance);
    key = buffer;
  } else {
    key = std::to_string(cursor.after.number);
  }
  const std::string doc = std::to_string(cursor.after.doc);
  std::string text(kVersion);
  for (const std::string_view part : {sort_name(cursor.sort), std::string_view(cursor.fingerprint),
                                      std::string_view(key), std::string_view(doc)}) {
    text += kSeparator;
    text += part;
  }
  return auth::base64url_encode(text);
}

std::optional<Cursor> decode_cursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxCursorLength) return std::nullopt;
  const auto decoded = auth::base64url_decode(text);
  if (!decoded) return std::nullopt;
  const auto parts = split(*decoded, 5);
  if (parts.size() != 5 || parts[0] != kVersion || parts[2].empty() || parts[4].empty()) {
    return std::nullopt;
  }
  Cursor cursor;
  const auto sort = parse_sort(parts[1]);
  if (!sort) return std::nullopt;
  cursor.sort = *sort;
  cursor.fingerprint = std::string(parts[2]);
  if (!parse_int(parts[4], cursor.after.doc) || cursor.after.doc < 1) return std::nullopt;
  const bool ok = cursor.sort == SortOrder::kDistance
                      ? parse_double(parts[3], cursor.after.distance)
                      : parse_int(parts[3], cursor.after.number);
  if (!ok) return std::nullopt;
  return cursor;
}

std::string fingerprint(std::string_view canonical) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const unsigned char c : canonical) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace hotel::search::domain
