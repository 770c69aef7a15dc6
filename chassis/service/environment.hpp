// The process environment's HOTEL_* variables, read once where the process starts.
#pragma once

#include <map>
#include <string>

namespace hotel::service {

std::map<std::string, std::string> hotel_environment();

}  // namespace hotel::service
