// Service configuration: a schema declared in code, values from a JSON file and HOTEL_*
// environment overrides (env > file > default), validated once at start. Every problem found is
// reported together, one per line, each naming the key (or environment variable) at fault.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hotel::service {

enum class ConfigType { kInt, kString, kBool, kDouble, kDurationMs, kStringList };

// The alternatives follow ConfigType's order: a value's index() is its type.
using ConfigValue = std::variant<std::int64_t, std::string, bool, double, std::chrono::milliseconds,
                                 std::vector<std::string>>;

struct ConfigEntry {
  std::string key;  // dotted, lower case: "http.port", "booking.hold-ttl"
  ConfigType type = ConfigType::kString;
  std::optional<ConfigValue> default_value;  // nullopt: the key is required
  std::optional<double> min;                 // numbers and durations (in ms), inclusive
  std::optional<double> max;
  std::vector<std::string> allowed;  // strings and list items; empty: anything
  std::string description;
};

class ConfigSchema {
 public:
  // Throws std::logic_error for a malformed key, a key (or env name) declared twice, or a
  // default that does not fit its own type or limits: these are programming errors.
  ConfigSchema& add(ConfigEntry entry);
  const std::vector<ConfigEntry>& entries() const { return entries_; }
  const ConfigEntry* find(std::string_view key) const;

 private:
  std::vector<ConfigEntry> entries_;
};

// "http.port" → "HOTEL_HTTP_PORT".
std::string env_name(std::string_view key);

// Keys with their environment names, types, defaults, limits and descriptions, for --help.
std::string describe(const ConfigSchema& schema);

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Config {
 public:
  explicit Config(std::map<std::string, ConfigValue, std::less<>> values)
      : values_(std::move(values)) {}

  // Throw std::logic_error for a key not in the schema or of another type.
  std::int64_t get_int(std::string_view key) const;
  const std::string& get_string(std::string_view key) const;
  bool get_bool(std::string_view key) const;
  double get_double(std::string_view key) const;
  std::chrono::milliseconds get_ms(std::string_view key) const;
  const std::vector<std::string>& get_list(std::string_view key) const;

 private:
  template <class T>
  const T& get(std::string_view key) const;
  std::map<std::string, ConfigValue, std::less<>> values_;
};

// Throws ConfigError listing every problem: unreadable file, invalid JSON, unknown keys, wrong
// types, values out of range, bad environment values, missing required keys.
Config load_config(const ConfigSchema& schema, const std::optional<std::string>& file_path,
                   const std::map<std::string, std::string>& env);
// The same with the process environment (its HOTEL_* variables).
Config load_config(const ConfigSchema& schema, const std::optional<std::string>& file_path);

}  // namespace hotel::service
