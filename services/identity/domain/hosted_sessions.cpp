#include "services/identity/domain/hosted_sessions.hpp"

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {

IssuedSession start_session(const SessionRules& rules, std::string user_id, TimePoint auth_time,
                            TimePoint now) {
  std::string token = random_token();
  HostedSession record{.hash = sha256_hex(token),
                       .user_id = std::move(user_id),
                       .auth_time = auth_time,
                       .created_at = now,
                       .expires_at = now + rules.lifetime};
  return {std::move(token), std::move(record)};
}

bool is_live(const HostedSession& session, TimePoint now) { return now < session.expires_at; }

}  // namespace hotel::identity::domain
