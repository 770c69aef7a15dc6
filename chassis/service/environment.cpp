#include "chassis/service/environment.hpp"

#include <unistd.h>

#include <string_view>

namespace hotel::service {

Environment hotel_environment() {
  Environment env;
  for (char** entry = ::environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (text.starts_with("HOTEL_") && equals != text.npos) {
      env.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
  }
  return env;
}

}  // namespace hotel::service
