#include "chassis/service/environment.hpp"

#include <string_view>

extern char** environ;

namespace hotel::service {

std::map<std::string, std::string> hotel_environment() {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    auto eq = text.find('=');
    if (eq != std::string_view::npos && text.starts_with("HOTEL_")) {
      env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
    }
  }
  return env;
}

}  // namespace hotel::service
