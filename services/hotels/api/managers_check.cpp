#include "services/hotels/api/managers_check.hpp"

#include <algorithm>

#include "chassis/http/errors.hpp"

namespace hotel::hotels::api {

http::Task<void> check_new_managers(clients::UserDirectory& users, const http::Request& request,
                                    const std::vector<std::string>& managers,
                                    const std::vector<std::string>& current) {
  for (std::size_t i = 0; i < managers.size(); ++i) {
    if (std::find(current.begin(), current.end(), managers[i]) != current.end()) continue;
    const auto field = "managers[" + std::to_string(i) + "]";
    switch (co_await users.manager_status(managers[i], request)) {
      case clients::ManagerStatus::kManager:
        break;
      case clients::ManagerStatus::kNotManager:
        throw http::BadRequest(field, "is not an enabled user in the HotelManager group",
                               "not_a_manager");
      case clients::ManagerStatus::kUnknown:
        throw http::BadRequest(field, "is not a known user", "unknown_user");
    }
  }
}

}  // namespace hotel::hotels::api
