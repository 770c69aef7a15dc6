// The gateway's configuration keys (gateway.*), part of the host's schema so that `hotel config`
// lists them and a file or HOTEL_GATEWAY_* variable is checked at start like any other key.
#pragma once

#include <array>
#include <string_view>

namespace hotel::service {

class ConfigSchema;

// Rate classes a gateway route may name; each has gateway.rate.<class>.{per_user,per_address,
// burst}.
inline constexpr std::array<std::string_view, 5> kGatewayRateClasses{"default", "auth", "read",
                                                                     "write", "static"};

void add_gateway_keys(ConfigSchema& schema);

}  // namespace hotel::service
