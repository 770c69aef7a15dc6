#include "services/search/domain/search_query.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

#include "services/search/domain/dates.hpp"
#include "services/search/domain/fold.hpp"

namespace hotel::search::domain {
namespace {

constexpr std::array<std::string_view, 14> kParameters = {
    "city",      "q",   "min_stars", "min_price", "max_price", "guests", "check_in",
    "check_out", "lat", "lon",       "radius_km", "sort",      "limit",  "cursor"};
constexpr std::size_t kMaxCityLength = 100;
constexpr std::size_t kMaxTextLength = 200;
constexpr std::int64_t kMaxPrice = 1'000'000'000'000;

using Params = std::map<std::string, std::string, std::less<>>;

struct Refusal {
  QueryError error;
};

[[noreturn]] void refuse(std::string field, std::string why) {
  throw Refusal{{std::move(field), std::move(why)}};
}

const std::string* find(const Params& params, std::string_view name) {
  const auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

std::optional<std::int64_t> integer(const Params& params, std::string_view name, std::int64_t min,
                                    std::int64_t max) {
  const auto* text = find(params, name);
  if (text == nullptr) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || text->empty()) {
    refuse(std::string(name), "must be an integer");
  }
  if (value < min || value > max) {
    refuse(std::string(name),
           "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return value;
}

std::optional<double> decimal(const Params& params, std::string_view name, double min, double max) {
  const auto* text = find(params, name);
  if (text == nullptr) return std::nullopt;
  const bool shape =
      !text->empty() && text->size() <= 32 && std::all_of(text->begin(), text->end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
      });
  char* end = nullptr;
  const double value = shape ? std::strtod(text->c_str(), &end) : 0.0;
  if (!shape || end != text->c_str() + text->size() || !std::isfinite(value)) {
    refuse(std::string(name), "must be a decimal number");
  }
  if (value < min || value > max) {
    char range[64];
    std::snprintf(range, sizeof range, "must be between %g and %g", min, max);
    refuse(std::string(name), range);
  }
  return value;
}

std::optional<std::int64_t> date(const Params& params, std::string_view name) {
  const auto* text = find(params, name);
  if (text == nullptr) return std::nullopt;
  const auto day = parse_iso_date(*text);
  if (!day) refuse(std::string(name), "must be a date such as 2024-05-01");
  return day;
}

Params collect(const QueryParams& list) {
  Params params;
  for (const auto& [name, value] : list) {
    if (std::find(kParameters.begin(), kParameters.end(), name) == kParameters.end()) {
      refuse(name, "is not a search parameter");
    }
    if (!params.emplace(name, value).second) refuse(name, "is given more than once");
  }
  return params;
}

std::optional<Stay> stay(const Params& params, std::int64_t today) {
  const auto check_in = date(params, "check_in");
  const auto check_out = date(params, "check_out");
  if (!check_in && !check_out) return std::nullopt;
  if (!check_in) refuse("check_in", "is required with check_out");
  if (!check_out) refuse("check_out", "is required with check_in");
  if (*check_in < today) refuse("check_in", "is in the past");
  if (*check_out <= *check_in) refuse("check_out", "must be after check_in");
  if (*check_out - *check_in > kMaxNights) {
    refuse("check_out", "must be at most " + std::to_string(kMaxNights) + " nights after check_in");
  }
  return Stay{*check_in, *check_out};
}

std::optional<Near> near(const Params& params) {
  const auto lat = decimal(params, "lat", -90.0, 90.0);
  const auto lon = decimal(params, "lon", -180.0, 180.0);
  const auto radius = decimal(params, "radius_km", 0.0, kMaxRadiusKm);
  if (!lat && !lon) {
    if (radius) refuse("radius_km", "needs lat and lon");
    return std::nullopt;
  }
  if (!lat) refuse("lat", "is required with lon");
  if (!lon) refuse("lon", "is required with lat");
  if (radius && *radius <= 0.0) refuse("radius_km", "must be more than 0");
  return Near{{*lat, *lon}, radius.value_or(kDefaultRadiusKm)};
}

// Every filter and the sort, in a fixed form, for the cursor's fingerprint.
std::string canonical(const SearchQuery& q) {
  char buffer[160];
  std::string text = q.city_key.value_or("") + '\x1f' + q.text.value_or("") + '\x1f';
  std::snprintf(buffer, sizeof buffer, "%d|%lld|%lld|%d", q.min_stars.value_or(-1),
                static_cast<long long>(q.min_price.value_or(-1)),
                static_cast<long long>(q.max_price.value_or(-1)), q.guests.value_or(-1));
  text += buffer;
  if (q.stay) {
    std::snprintf(buffer, sizeof buffer, "|%lld-%lld", static_cast<long long>(q.stay->check_in),
                  static_cast<long long>(q.stay->check_out));
    text += buffer;
  }
  if (q.near) {
    std::snprintf(buffer, sizeof buffer, "|%.17g,%.17g,%.17g", q.near->center.latitude,
                  q.near->center.longitude, q.near->radius_km);
    text += buffer;
  }
  text += '|';
  text += sort_name(q.sort);
  return text;
}

SearchQuery parse(const QueryParams& list, std::int64_t today) {
  const Params params = collect(list);
  SearchQuery q;
  if (const auto* city = find(params, "city")) {
    if (city->size() > kMaxCityLength) refuse("city", "is too long");
    q.city_key = city_prefix_key(*city);
    if (q.city_key->empty()) refuse("city", "must contain letters or digits");
  }
  if (const auto* text = find(params, "q")) {
    if (text->size() > kMaxTextLength) refuse("q", "is too long");
    q.text = text_match(*text);
    if (!q.text) refuse("q", "must contain a word");
  }
  if (const auto stars = integer(params, "min_stars", 1, 5)) q.min_stars = static_cast<int>(*stars);
  q.min_price = integer(params, "min_price", 0, kMaxPrice);
  q.max_price = integer(params, "max_price", 0, kMaxPrice);
  if (q.min_price && q.max_price && *q.max_price < *q.min_price) {
    refuse("max_price", "must not be below min_price");
  }
  if (const auto guests = integer(params, "guests", 1, kMaxGuests)) {
    q.guests = static_cast<int>(*guests);
  }
  q.stay = stay(params, today);
  q.near = near(params);
  q.sort = q.near ? SortOrder::kDistance : SortOrder::kRating;
  if (const auto* sort = find(params, "sort")) {
    const auto parsed = parse_sort(*sort);
    if (!parsed) refuse("sort", "must be price, rating or distance");
    if (*parsed == SortOrder::kDistance && !q.near) refuse("sort", "distance needs lat and lon");
    q.sort = *parsed;
  }
  q.limit = static_cast<int>(integer(params, "limit", 1, kMaxLimit).value_or(kDefaultLimit));
  q.fingerprint = fingerprint(canonical(q));
  if (const auto* text = find(params, "cursor")) {
    const auto cursor = decode_cursor(*text);
    if (!cursor) refuse("cursor", "is not a cursor from this service");
    if (cursor->sort != q.sort || cursor->fingerprint != q.fingerprint) {
      refuse("cursor", "belongs to another query (the filters or the sort changed)");
    }
    q.after = cursor->after;
  }
  return q;
}

}  // namespace

core::Result<SearchQuery, QueryError> parse_search_query(const QueryParams& params,
                                                         std::int64_t today) {
  try {
    return parse(params, today);
  } catch (Refusal& refusal) {
    return core::fail(std::move(refusal.error));
  }
}

std::optional<std::string> text_match(const std::string& text) {
  auto terms = words(text);
  if (terms.empty()) return std::nullopt;
  if (terms.size() > kMaxTextTerms) terms.resize(kMaxTextTerms);
  std::string match;
  for (const auto& term : terms) {
    if (!match.empty()) match += ' ';
    match += '"' + term + '"';
  }
  return match + '*';
}

}  // namespace hotel::search::domain
