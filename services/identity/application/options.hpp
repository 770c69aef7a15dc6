// The identity service's tunables, each with the default the issue asks for. Tests use
// HashCost::minimum() to keep argon2 cheap.
#pragma once

#include <chrono>

#include "chassis/core/clock.hpp"
#include "services/identity/domain/authorization_codes.hpp"
#include "services/identity/domain/codes.hpp"
#include "services/identity/domain/key_ring.hpp"
#include "services/identity/domain/password_hasher.hpp"
#include "services/identity/domain/password_policy.hpp"
#include "services/identity/domain/refresh_tokens.hpp"
#include "services/identity/domain/throttle.hpp"

namespace hotel::identity::application {

struct IdentityOptions {
  domain::HashCost hash_cost{};
  domain::PasswordPolicy password_policy{};
  domain::CodeRules codes{};
  domain::ThrottleRules throttle{};
  domain::RefreshTokenRules refresh_tokens{};
  domain::AuthorizationCodeRules authorization_codes{};
  domain::KeyRingRules keys{};
};

// The clock's wall time to the millisecond, the precision the storage keeps, so that a time
// written and read back compares equal to the one in hand.
inline domain::TimePoint now_ms(const core::Clock& clock) {
  return std::chrono::floor<std::chrono::milliseconds>(clock.system_now());
}

}  // namespace hotel::identity::application
