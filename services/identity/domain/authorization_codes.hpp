// Authorization codes (OAuth 2.1 authorization code grant): single use, short-lived, stored as
// their SHA-256, bound to the client, redirect URI, PKCE challenge, nonce, scope and the user's
// sign-in. A code presented a second time is refused and the tokens issued from it are revoked.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "chassis/core/result.hpp"
#include "services/identity/domain/pkce.hpp"
#include "services/identity/domain/user.hpp"

namespace hotel::identity::domain {

struct AuthorizationCodeRules {
  std::chrono::seconds lifetime = std::chrono::minutes(5);
  bool allow_plain_pkce = false;
};

// What the user agreed to at /authorize.
struct CodeGrant {
  std::string client_id;
  std::string redirect_uri;  // as sent with the authorization request (empty when omitted)
  std::string code_challenge;
  ChallengeMethod challenge_method = ChallengeMethod::kNone;
  std::string nonce;
  std::string scope;  // space-separated, already checked against the client
  std::string user_id;
  TimePoint auth_time;
};

struct AuthorizationCode {
  std::string hash;  // sha256_hex of the code
  CodeGrant grant;
  TimePoint issued_at;
  TimePoint expires_at;
  std::optional<TimePoint> redeemed_at;
};

struct IssuedAuthorizationCode {
  std::string code;
  AuthorizationCode record;
};

IssuedAuthorizationCode issue_authorization_code(const AuthorizationCodeRules& rules,
                                                 CodeGrant grant, TimePoint now);

enum class ChallengeProblem {
  kRequired,         // public clients must use PKCE
  kUnknownMethod,    // neither S256 nor plain
  kPlainNotAllowed,  // plain is off unless configured
  kMalformed,        // the challenge does not have its method's shape
};

// Checks the PKCE part of an authorization request. `method` is the raw
// code_challenge_method parameter.
core::Result<ChallengeMethod, ChallengeProblem> check_challenge(const AuthorizationCodeRules& rules,
                                                                std::string_view method,
                                                                std::string_view challenge,
                                                                bool required);

// The token request that redeems a code.
struct CodeRedemption {
  std::string client_id;  // the authenticated client
  std::string redirect_uri;
  std::string code_verifier;
};

enum class CodeRejection {
  kUnknown,
  kReplayed,  // redeemed before: the caller revokes what it issued
  kWrongClient,
  kExpired,
  kWrongRedirect,
  kVerifierMissing,
  kVerifierMismatch,
  kUnexpectedVerifier,  // a verifier for a code issued without a challenge (downgrade attempt)
  kUserDisabled,        // the user was disabled since signing in
};

core::Result<std::monostate, CodeRejection> check_redemption(const AuthorizationCode& code,
                                                             const CodeRedemption& redemption,
                                                             TimePoint now);

}  // namespace hotel::identity::domain
