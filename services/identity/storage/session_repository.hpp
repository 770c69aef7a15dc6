// Hosted-UI sessions and the authorization codes each one issued (so that signing out revokes
// the refresh tokens obtained through the session).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/identity/domain/hosted_sessions.hpp"

namespace hotel::identity::storage {

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;

  virtual void insert(const domain::HostedSession& session) = 0;
  virtual std::optional<domain::HostedSession> find(std::string_view hash) = 0;
  // Deletes the session and its code links; false when there was none.
  virtual bool remove(std::string_view hash) = 0;
  // Deletes every session of the user; returns how many.
  virtual int remove_user(std::string_view user_id) = 0;
  virtual void link_code(std::string_view session_hash, std::string_view code_hash) = 0;
  virtual std::vector<std::string> linked_codes(std::string_view session_hash) = 0;
  // Deletes sessions that expired before `now`; returns how many.
  virtual int purge_expired(domain::TimePoint now) = 0;
};

}  // namespace hotel::identity::storage
