#include "chassis/service/config.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "chassis/service/config_value.hpp"
#include "chassis/service/environment.hpp"

namespace hotel::service {
namespace {

// Collects values in precedence order (defaults, then file, then environment) and every
// problem on the way, so that one start shows the operator everything to fix.
class Loader {
 public:
  explicit Loader(const ConfigSchema& schema) : schema_(schema) {
    for (const auto& entry : schema.entries()) {
      if (entry.default_value) values_.insert_or_assign(entry.key, *entry.default_value);
    }
  }

  void read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
      problems_.push_back(
          fmt::format("cannot read config file '{}': {}", path, std::strerror(errno)));
      return;
    }
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    const auto json = boost::json::parse(text.str(), ec);
    if (ec) {
      problems_.push_back(
          fmt::format("config file '{}' is not valid JSON: {}", path, ec.message()));
    } else if (!json.is_object()) {
      problems_.push_back(fmt::format("config file '{}' must hold a JSON object", path));
    } else {
      read_object(json.get_object(), "", path);
    }
  }

  void read_env(const std::map<std::string, std::string>& env) {
    for (const auto& entry : schema_.entries()) {
      const auto name = env_name(entry.key);
      const auto it = env.find(name);
      if (it == env.end()) continue;
      auto value = value_from_text(entry, it->second);
      if (value && within_limits(entry, *value)) {
        values_.insert_or_assign(entry.key, std::move(*value));
      } else {
        problems_.push_back(fmt::format("{} (config key '{}'): expected {}, got '{}'", name,
                                        entry.key, expectation(entry), it->second));
      }
    }
  }

  Config finish() {
    for (const auto& entry : schema_.entries()) {
      if (!values_.contains(entry.key)) {
        problems_.push_back(
            fmt::format("config key '{}' is required: set it in the config file "
                        "or in {}",
                        entry.key, env_name(entry.key)));
      }
    }
    if (!problems_.empty()) throw ConfigError(fmt::format("{}", fmt::join(problems_, "\n")));
    return Config(std::move(values_));
  }

 private:
  // Nested objects flatten to dotted keys: {"http": {"port": 1}} is "http.port".
  void read_object(const boost::json::object& object, const std::string& prefix,
                   const std::string& path) {
    for (const auto& [name, json] : object) {
      const auto key = prefix + std::string(name);
      if (json.is_object()) {
        read_object(json.get_object(), key + ".", path);
      } else {
        read_value(key, json, path);
      }
    }
  }

  void read_value(const std::string& key, const boost::json::value& json, const std::string& path) {
    const auto* entry = schema_.find(key);
    if (entry == nullptr) {
      problems_.push_back(fmt::format("unknown config key '{}' in {}", key, path));
      return;
    }
    auto value = value_from_json(*entry, json);
    if (value && within_limits(*entry, *value)) {
      values_.insert_or_assign(key, std::move(*value));
    } else {
      problems_.push_back(fmt::format("config key '{}' in {}: expected {}, got {}", key, path,
                                      expectation(*entry), boost::json::serialize(json)));
    }
  }

  const ConfigSchema& schema_;
  std::map<std::string, ConfigValue, std::less<>> values_;
  std::vector<std::string> problems_;
};

}  // namespace

template <class T>
const T& Config::get(std::string_view key) const {
  const auto it = values_.find(key);
  if (it == values_.end()) throw std::logic_error("config key '" + std::string(key) + "' unknown");
  const auto* value = std::get_if<T>(&it->second);
  if (value == nullptr) {
    throw std::logic_error("config key '" + std::string(key) + "' read as the wrong type");
  }
  return *value;
}

std::int64_t Config::get_int(std::string_view key) const { return get<std::int64_t>(key); }
const std::string& Config::get_string(std::string_view key) const { return get<std::string>(key); }
bool Config::get_bool(std::string_view key) const { return get<bool>(key); }
double Config::get_double(std::string_view key) const { return get<double>(key); }
std::chrono::milliseconds Config::get_ms(std::string_view key) const {
  return get<std::chrono::milliseconds>(key);
}
const std::vector<std::string>& Config::get_list(std::string_view key) const {
  return get<std::vector<std::string>>(key);
}

Config load_config(const ConfigSchema& schema, const std::optional<std::string>& file_path,
                   const std::map<std::string, std::string>& env) {
  Loader loader(schema);
  if (file_path) loader.read_file(*file_path);
  loader.read_env(env);
  return loader.finish();
}

Config load_config(const ConfigSchema& schema, const std::optional<std::string>& file_path) {
  return load_config(schema, file_path, hotel_environment());
}

}  // namespace hotel::service
