// Parsing of endpoint addresses as written in config: "127.0.0.1:8081", "hotels:80", "[::1]:8081".
#pragma once

#include <string_view>
#include <vector>

#include "chassis/http/client.hpp"

namespace hotel::discovery {

// "host:port" or "[ipv6]:port"; the port is 1..65535. Throws std::invalid_argument saying why.
http::Endpoint parse_endpoint(std::string_view text);

// Comma-separated endpoints; blanks around commas and empty items are ignored.
std::vector<http::Endpoint> parse_endpoint_list(std::string_view text);

}  // namespace hotel::discovery
