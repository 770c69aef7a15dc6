// Opaque page cursors. A cursor holds the sort key and the read model's row (`doc`) of the last
// hotel of a page; the next page starts after that (sort key, doc) pair (keyset pagination), so
// it stays right while hotels are added or removed. A hotel keeps its doc across updates; a
// rebuild numbers the hotels again (a page walk across a rebuild may repeat or miss hotels). It
// also holds the sort and a fingerprint of the filters, so a cursor cannot be used with another
// query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotel::search::domain {

enum class SortOrder { kPrice, kRating, kDistance };

std::string_view sort_name(SortOrder sort);
std::optional<SortOrder> parse_sort(std::string_view name);

// The position after which a page starts: price (minor units) ascending, stars descending, or
// distance (km) ascending; then doc ascending.
struct SortKey {
  std::int64_t number = 0;  // price or stars
  double distance = 0;      // kDistance only
  std::int64_t doc = 0;
};

struct Cursor {
  SortOrder sort = SortOrder::kRating;
  std::string fingerprint;
  SortKey after;
};

std::string encode_cursor(const Cursor& cursor);
// nullopt when `text` is not a cursor this code wrote.
std::optional<Cursor> decode_cursor(std::string_view text);

// A short stable hash (FNV-1a, 64 bits, hex) of a query's canonical text.
std::string fingerprint(std::string_view canonical);

}  // namespace hotel::search::domain
