// The process environment's HOTEL_* variables, read once for config and secrets.
#pragma once

#include <map>
#include <string>

namespace hotel::service {

using Environment = std::map<std::string, std::string>;

// Every variable whose name starts with "HOTEL_".
Environment hotel_environment();

}  // namespace hotel::service
