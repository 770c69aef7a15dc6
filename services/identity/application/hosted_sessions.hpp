// The hosted UI's sign-in sessions: started when the user signs in on the hosted pages, resumed
// by /oauth2/authorize to skip the login form, ended by /logout, which also revokes the refresh
// tokens obtained through the session's authorization codes. Blocking (SQLite).
#pragma once

#include <optional>
#include <string_view>

#include "chassis/core/clock.hpp"
#include "services/identity/domain/hosted_sessions.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::application {

struct LiveSession {
  domain::HostedSession session;
  domain::User user;
};

class HostedSessions {
 public:
  HostedSessions(storage::IdentityStore& store, const core::Clock& clock,
                 domain::SessionRules rules);

  domain::IssuedSession start(std::string_view user_id, domain::TimePoint auth_time);
  // The session of `token` while it lives and its user is enabled and confirmed.
  std::optional<LiveSession> resume(std::string_view token) const;
  // Remembers that the session issued the authorization code `code`.
  void link_code(std::string_view token, std::string_view code);
  // Deletes the session and revokes the refresh tokens issued from its codes; returns how many
  // tokens were revoked (0 for an unknown session).
  int end(std::string_view token);
  // Ends every session of the user (a password reset); returns how many.
  int end_all(std::string_view user_id);

 private:
  storage::IdentityStore& store_;
  const core::Clock& clock_;
  domain::SessionRules rules_;
};

}  // namespace hotel::identity::application
