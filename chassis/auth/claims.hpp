// The claim checks of a token whose signature is already verified, and the Principal they give.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "chassis/auth/principal.hpp"

namespace hotel::auth {

struct ClaimRules {
  std::chrono::seconds leeway{60};
  std::vector<std::string> accepted_token_use{"access"};
  // Accepted aud (ID tokens) or client_id (access tokens); empty: any.
  std::vector<std::string> audiences;
};

// Checks exp (required, after now - leeway), nbf and iat (if present, not after now + leeway),
// token_use, aud or client_id, and the types of the claims a Principal carries; `now` is in
// seconds since the epoch. Throws AuthError (kExpired, kNotYetValid, kWrongTokenUse,
// kWrongAudience, kInvalidClaims).
Principal check_claims(const boost::json::object& payload, const ClaimRules& rules,
                       std::int64_t now);

// A NumericDate claim (seconds since the epoch) when present; throws AuthError kInvalidClaims when
// present but not a number in range.
std::optional<std::int64_t> numeric_date(const boost::json::object& payload, std::string_view name);

}  // namespace hotel::auth
