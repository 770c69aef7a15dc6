// The address a request comes from, for the sign-in throttle: the peer's own address, or, when
// the peer is a trusted proxy (the gateway), the nearest address in X-Forwarded-For that is not
// itself a trusted proxy. A client can write anything into X-Forwarded-For, so it is believed
// only from a proxy that appends the address it saw.
#pragma once

#include <string>
#include <vector>

#include "chassis/http/message.hpp"

namespace hotel::identity::api {

std::string client_address(const http::Request& request,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace hotel::identity::api
