// Registered OAuth clients.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "services/identity/domain/clients.hpp"

namespace hotel::identity::storage {

class ClientRepository {
 public:
  virtual ~ClientRepository() = default;

  virtual std::optional<domain::OAuthClient> find(std::string_view client_id) = 0;
  // Inserts the client or replaces the one with its client_id.
  virtual void upsert(const domain::OAuthClient& client) = 0;
  virtual std::vector<domain::OAuthClient> list() = 0;
};

}  // namespace hotel::identity::storage
