// Managers named in a hotel document must be hotel managers in the identity service. Only ids the
// hotel does not have yet are looked up, so edits that leave managers alone never call identity.
#pragma once

#include <string>
#include <vector>

#include "chassis/http/router.hpp"
#include "services/hotels/clients/user_directory.hpp"

namespace hotel::hotels::api {

// Throws BadRequest("managers[i]") for an id that is not an enabled HotelManager, Unavailable
// when identity cannot answer.
http::Task<void> check_new_managers(clients::UserDirectory& users, const http::Request& request,
                                    const std::vector<std::string>& managers,
                                    const std::vector<std::string>& current);

}  // namespace hotel::hotels::api
