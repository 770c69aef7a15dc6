#include <fmt/format.h>

#include <algorithm>
#include <boost/algorithm/string.hpp>
#include <stdexcept>

#include "chassis/service/config.hpp"
#include "chassis/service/config_value.hpp"

namespace hotel::service {
namespace {

// Dot-separated segments of [a-z0-9_-], none empty.
bool valid_key(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.' || key.find("..") != key.npos) {
    return false;
  }
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

std::string limits_text(const ConfigEntry& entry) {
  std::string text;
  if (entry.min) text += fmt::format(", min {}", *entry.min);
  if (entry.max) text += fmt::format(", max {}", *entry.max);
  if (!entry.allowed.empty()) text += fmt::format(", one of {}", fmt::join(entry.allowed, "|"));
  return text;
}

}  // namespace

std::string env_name(std::string_view key) {
  auto name = "HOTEL_" + boost::algorithm::to_upper_copy(std::string(key));
  std::replace_if(
      name.begin(), name.end(), [](char c) { return c == '.' || c == '-'; }, '_');
  return name;
}

ConfigSchema& ConfigSchema::add(ConfigEntry entry) {
  if (!valid_key(entry.key)) throw std::logic_error("malformed config key '" + entry.key + "'");
  const auto env = env_name(entry.key);
  for (const auto& existing : entries_) {
    if (env_name(existing.key) == env) {
      throw std::logic_error("config key '" + entry.key + "' clashes with '" + existing.key +
                             "' (both are " + env + ")");
    }
  }
  if (entry.default_value && (!has_type(*entry.default_value, entry.type) ||
                              !within_limits(entry, *entry.default_value))) {
    throw std::logic_error("default of config key '" + entry.key + "' is not " +
                           expectation(entry));
  }
  entries_.push_back(std::move(entry));
  return *this;
}

const ConfigEntry* ConfigSchema::find(std::string_view key) const {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const ConfigEntry& entry) { return entry.key == key; });
  return it == entries_.end() ? nullptr : &*it;
}

std::string describe(const ConfigSchema& schema) {
  std::string text;
  for (const auto& entry : schema.entries()) {
    const auto fallback = entry.default_value ? "default " + value_text(*entry.default_value)
                                              : std::string("required");
    text += fmt::format("{} ({}, {}{})\n    env {}\n", entry.key, type_name(entry.type), fallback,
                        limits_text(entry), env_name(entry.key));
    if (!entry.description.empty()) text += fmt::format("    {}\n", entry.description);
  }
  return text;
}

}  // namespace hotel::service
