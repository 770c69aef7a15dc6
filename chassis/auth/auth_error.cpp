#include "chassis/auth/auth_error.hpp"

#include <array>

namespace hotel::auth {

namespace {

struct ReasonText {
  AuthReason reason;
  std::string_view name;
  std::string_view description;
};

constexpr std::array<ReasonText, 12> kReasonTexts{{
    {AuthReason::kMalformed, "malformed", "the token is malformed"},
    {AuthReason::kUnsupportedAlgorithm, "unsupported_algorithm",
     "the token's algorithm is refused"},
    {AuthReason::kMissingKeyId, "missing_kid", "the token names no signing key"},
    {AuthReason::kUntrustedIssuer, "untrusted_issuer", "the token's issuer is not trusted"},
    {AuthReason::kUnknownKey, "unknown_key", "the token's signing key is unknown"},
    {AuthReason::kKeysUnavailable, "keys_unavailable", "the issuer's signing keys are unavailable"},
    {AuthReason::kBadSignature, "bad_signature", "the token's signature is invalid"},
    {AuthReason::kExpired, "expired", "the token expired"},
    {AuthReason::kNotYetValid, "not_yet_valid", "the token is not valid yet"},
    {AuthReason::kWrongTokenUse, "wrong_token_use", "this kind of token is not accepted here"},
    {AuthReason::kWrongAudience, "wrong_audience", "the token was issued to another client"},
    {AuthReason::kInvalidClaims, "invalid_claims", "the token's claims are invalid"},
}};

const ReasonText& text_of(AuthReason reason) {
  for (const auto& text : kReasonTexts) {
    if (text.reason == reason) return text;
  }
  return kReasonTexts[0];
}

}  // namespace

std::string_view reason_name(AuthReason reason) { return text_of(reason).name; }

std::string_view reason_description(AuthReason reason) { return text_of(reason).description; }

AuthError::AuthError(AuthReason reason, const std::string& detail)
    : std::runtime_error(detail), reason_(reason) {}

}  // namespace hotel::auth
