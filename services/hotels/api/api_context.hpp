// What the hotels API handlers share: the use cases, the user directory and the limits. Owned by
// the service; alive while the routes are.
#pragma once

#include <cstddef>

#include "services/hotels/application/hotel_commands.hpp"
#include "services/hotels/application/hotel_queries.hpp"
#include "services/hotels/clients/user_directory.hpp"
#include "services/hotels/domain/hotel_input.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::hotels::api {

struct ApiContext {
  core::Runtime& runtime;
  application::HotelCommands& commands;
  application::HotelQueries& queries;
  clients::UserDirectory& users;
  domain::InputLimits input_limits;
  std::size_t max_photo_bytes;
};

}  // namespace hotel::hotels::api
