// Hosted-UI sessions: after signing in on the hosted pages the browser holds a random session
// token in an HttpOnly cookie, so that /oauth2/authorize skips the login form while the session
// lives (as Cognito's hosted UI does). Only the token's SHA-256 is stored.
#pragma once

#include <chrono>
#include <string>

#include "services/identity/domain/user.hpp"

namespace hotel::identity::domain {

struct SessionRules {
  std::chrono::seconds lifetime = std::chrono::hours(1);
};

struct HostedSession {
  std::string hash;  // sha256_hex of the token
  std::string user_id;
  TimePoint auth_time;  // when the user typed the password
  TimePoint created_at;
  TimePoint expires_at;  // absolute: using the session does not extend it
};

// A session as handed to the browser (`token`) and as stored.
struct IssuedSession {
  std::string token;
  HostedSession record;
};

IssuedSession start_session(const SessionRules& rules, std::string user_id, TimePoint auth_time,
                            TimePoint now);
bool is_live(const HostedSession& session, TimePoint now);

}  // namespace hotel::identity::domain
