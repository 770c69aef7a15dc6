// Conversion and checking of single configuration values (internal to config*.cpp).
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/service/config.hpp"

namespace hotel::service {

// The value `entry` expects, from a JSON file value or from an environment string; nullopt when
// the input has the wrong shape. Limits are not checked here.
std::optional<ConfigValue> value_from_json(const ConfigEntry& entry,
                                           const boost::json::value& json);
std::optional<ConfigValue> value_from_text(const ConfigEntry& entry, std::string_view text);

// Whether `value` is within the entry's min/max and allowed values.
bool within_limits(const ConfigEntry& entry, const ConfigValue& value);

// What the entry accepts, for error messages: "an integer from 1 to 65535".
std::string expectation(const ConfigEntry& entry);

std::string_view type_name(ConfigType type);
// A value as a user would write it in the environment: 8080, 250ms, a,b.
std::string value_text(const ConfigValue& value);
bool has_type(const ConfigValue& value, ConfigType type);

}  // namespace hotel::service
