// Which users may manage hotels: the identity service knows. Assigning a manager asks its admin
// API (GET /v1/users/{id}) with the admin's own token forwarded, so the hotels service needs no
// credentials of its own and identity applies its own access rule to the lookup.
#pragma once

#include <memory>
#include <string>

#include "chassis/http/router.hpp"

namespace hotel::discovery {
class Resolver;
}
namespace hotel::http {
class HttpClient;
class Upstream;
}  // namespace hotel::http

namespace hotel::hotels::clients {

enum class ManagerStatus {
  kManager,     // an enabled user in the HotelManager group
  kNotManager,  // a user, but not in HotelManager (or disabled)
  kUnknown,     // no such user
};

class UserDirectory {
 public:
  virtual ~UserDirectory() = default;
  // Asks on behalf of `caller` (its bearer token and request context are forwarded). Throws
  // http::Unavailable when the directory cannot answer.
  virtual http::Task<ManagerStatus> manager_status(const std::string& user_id,
                                                   const http::Request& caller) = 0;
};

// The identity service's admin API, through discovery, breakers and retries.
class IdentityUserDirectory final : public UserDirectory {
 public:
  IdentityUserDirectory(const discovery::Resolver& resolver, http::HttpClient& client);
  ~IdentityUserDirectory() override;
  http::Task<ManagerStatus> manager_status(const std::string& user_id,
                                           const http::Request& caller) override;

 private:
  std::unique_ptr<http::Upstream> identity_;
};

// Accepts every id as a manager (hotels.verify_managers = false: tests without identity, or a
// deployment whose identity provider has no such API).
class TrustingUserDirectory final : public UserDirectory {
 public:
  http::Task<ManagerStatus> manager_status(const std::string&, const http::Request&) override {
    co_return ManagerStatus::kManager;
  }
};

}  // namespace hotel::hotels::clients
