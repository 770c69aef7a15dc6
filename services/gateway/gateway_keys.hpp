// The gateway's configuration keys (gateway.*), contributed to the host's schema through its
// service-list entry, so that `hotel config` lists them and a file or HOTEL_GATEWAY_* variable is
// checked at start like any other key.
#pragma once

#include <array>
#include <string_view>

namespace hotel::service {
class ConfigSchema;
}

namespace hotel::gateway {

// Rate classes a gateway route may name; each has gateway.rate.<class>.{per_user,per_address,
// burst}.
inline constexpr std::array<std::string_view, 5> kRateClasses{"default", "auth", "read", "write",
                                                              "static"};

void add_gateway_keys(service::ConfigSchema& schema);

}  // namespace hotel::gateway
