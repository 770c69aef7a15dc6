#include "chassis/service/config_value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/algorithm/string.hpp>
#include <boost/json.hpp>
#include <charconv>
#include <limits>

namespace hotel::service {
namespace {

using std::chrono::milliseconds;

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(std::string_view text) {
  const auto lower = boost::algorithm::to_lower_copy(std::string(text));
  if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") return true;
  if (lower == "false" || lower == "0" || lower == "no" || lower == "off") return false;
  return std::nullopt;
}

// "250" (milliseconds), "250ms", "2s", "5m", "1h"; never negative.
std::optional<milliseconds> parse_duration(std::string_view text) {
  static constexpr std::pair<std::string_view, std::int64_t> kUnits[] = {
      {"ms", 1}, {"s", 1'000}, {"m", 60'000}, {"h", 3'600'000}, {"", 1}};
  for (const auto& [unit, factor] : kUnits) {
    if (!text.ends_with(unit)) continue;
    const auto count = parse_number<std::int64_t>(text.substr(0, text.size() - unit.size()));
    if (!count) continue;
    if (*count < 0 || *count > std::numeric_limits<std::int64_t>::max() / factor) break;
    return milliseconds(*count * factor);
  }
  return std::nullopt;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  boost::algorithm::split(items, text, boost::algorithm::is_any_of(","));
  for (auto& item : items) boost::algorithm::trim(item);
  std::erase_if(items, [](const std::string& item) { return item.empty(); });
  return items;
}

std::optional<std::int64_t> json_int(const boost::json::value& json) {
  if (json.is_int64()) return json.get_int64();
  if (json.is_uint64() && json.get_uint64() <= std::numeric_limits<std::int64_t>::max()) {
    return static_cast<std::int64_t>(json.get_uint64());
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> json_list(const boost::json::value& json) {
  if (!json.is_array()) return std::nullopt;
  std::vector<std::string> items;
  for (const auto& item : json.get_array()) {
    if (!item.is_string()) return std::nullopt;
    items.emplace_back(item.get_string());
  }
  return items;
}

std::string range_text(const ConfigEntry& entry, std::string_view unit) {
  if (entry.min && entry.max)
    return fmt::format(" from {}{} to {}{}", *entry.min, unit, *entry.max, unit);
  if (entry.min) return fmt::format(" of at least {}{}", *entry.min, unit);
  if (entry.max) return fmt::format(" of at most {}{}", *entry.max, unit);
  return "";
}

bool in_range(const ConfigEntry& entry, double number) {
  return (!entry.min || number >= *entry.min) && (!entry.max || number <= *entry.max);
}

bool is_allowed(const ConfigEntry& entry, const std::string& text) {
  return entry.allowed.empty() ||
         std::find(entry.allowed.begin(), entry.allowed.end(), text) != entry.allowed.end();
}

}  // namespace

std::optional<ConfigValue> value_from_json(const ConfigEntry& entry,
                                           const boost::json::value& json) {
  switch (entry.type) {
    case ConfigType::kInt:
      if (auto number = json_int(json)) return *number;
      break;
    case ConfigType::kDouble:
      if (json.is_number()) return json.to_number<double>();
      break;
    case ConfigType::kBool:
      if (json.is_bool()) return json.get_bool();
      break;
    case ConfigType::kString:
      if (json.is_string()) return std::string(json.get_string());
      break;
    case ConfigType::kDurationMs:
      if (auto number = json_int(json); number && *number >= 0) return milliseconds(*number);
      if (json.is_string()) return value_from_text(entry, json.get_string());
      break;
    case ConfigType::kStringList:
      if (auto items = json_list(json)) return *items;
      break;
  }
  return std::nullopt;
}

std::optional<ConfigValue> value_from_text(const ConfigEntry& entry, std::string_view text) {
  switch (entry.type) {
    case ConfigType::kInt:
      if (auto number = parse_number<std::int64_t>(text)) return *number;
      break;
    case ConfigType::kDouble:
      if (auto number = parse_number<double>(text)) return *number;
      break;
    case ConfigType::kBool:
      if (auto flag = parse_bool(text)) return *flag;
      break;
    case ConfigType::kString:
      return std::string(text);
    case ConfigType::kDurationMs:
      if (auto duration = parse_duration(text)) return *duration;
      break;
    case ConfigType::kStringList:
      return split_list(text);
  }
  return std::nullopt;
}

bool within_limits(const ConfigEntry& entry, const ConfigValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    return in_range(entry, static_cast<double>(*number));
  }
  if (const auto* number = std::get_if<double>(&value)) return in_range(entry, *number);
  if (const auto* duration = std::get_if<milliseconds>(&value)) {
    return in_range(entry, static_cast<double>(duration->count()));
  }
  if (const auto* text = std::get_if<std::string>(&value)) return is_allowed(entry, *text);
  if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
    return std::all_of(items->begin(), items->end(),
                       [&](const std::string& item) { return is_allowed(entry, item); });
  }
  return true;
}

std::string expectation(const ConfigEntry& entry) {
  const auto one_of = entry.allowed.empty()
                          ? std::string()
                          : fmt::format(" (one of: {})", fmt::join(entry.allowed, ", "));
  switch (entry.type) {
    case ConfigType::kInt:
      return "an integer" + range_text(entry, "");
    case ConfigType::kDouble:
      return "a number" + range_text(entry, "");
    case ConfigType::kBool:
      return "true or false";
    case ConfigType::kString:
      return "a string" + one_of;
    case ConfigType::kDurationMs:
      return "a duration in milliseconds or with a unit (ms, s, m, h)" + range_text(entry, "ms");
    case ConfigType::kStringList:
      return "a list of strings" + one_of;
  }
  return "a value";
}

std::string_view type_name(ConfigType type) {
  static constexpr std::string_view kNames[] = {"int",    "string",   "bool",
                                                "double", "duration", "list"};
  return kNames[static_cast<std::size_t>(type)];
}

std::string value_text(const ConfigValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, milliseconds>) {
          return fmt::format("{}ms", v.count());
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return fmt::format("{}", fmt::join(v, ","));
        } else {
          return fmt::format("{}", v);
        }
      },
      value);
}

static_assert(
    std::is_same_v<
        std::variant_alternative_t<static_cast<std::size_t>(ConfigType::kDurationMs), ConfigValue>,
        std::chrono::milliseconds>);

bool has_type(const ConfigValue& value, ConfigType type) {
  return value.index() == static_cast<std::size_t>(type);
}

}  // namespace hotel::service
