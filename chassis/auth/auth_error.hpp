// Why a token was refused. The verifier throws AuthError (and only AuthError) for any token it
// does not accept; the middleware turns it into 401 (or 503 when keys cannot be fetched).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hotel::auth {

enum class AuthReason {
  kMalformed,             // not three base64url segments of JSON objects, or too large
  kUnsupportedAlgorithm,  // alg is not exactly RS256, or the header asks for extensions (crit)
  kMissingKeyId,          // no kid in the header
  kUntrustedIssuer,       // iss is not one of the configured issuers
  kUnknownKey,            // kid not in the issuer's JWKS, even after a refetch
  kKeysUnavailable,       // the issuer's JWKS could not be fetched
  kBadSignature,
  kExpired,        // exp missing or in the past (beyond the leeway)
  kNotYetValid,    // nbf or iat in the future (beyond the leeway)
  kWrongTokenUse,  // token_use not accepted (e.g. an ID token where access tokens are wanted)
  kWrongAudience,  // aud (ID token) or client_id (access token) not accepted
  kInvalidClaims,  // a claim has the wrong type or a required one is missing
};

// A stable snake_case name for logs and error descriptions: "bad_signature", "expired", ...
std::string_view reason_name(AuthReason reason);
// A fixed sentence for clients (never token content): "the token expired", ...
std::string_view reason_description(AuthReason reason);

// what() may carry details for logs (never secrets); clients get reason_description().
class AuthError : public std::runtime_error {
 public:
  AuthError(AuthReason reason, const std::string& detail);
  AuthReason reason() const { return reason_; }

 private:
  AuthReason reason_;
};

// A token that cannot even be decoded (decode_jwt).
class TokenError : public AuthError {
 public:
  explicit TokenError(const std::string& detail) : AuthError(AuthReason::kMalformed, detail) {}
};

}  // namespace hotel::auth
