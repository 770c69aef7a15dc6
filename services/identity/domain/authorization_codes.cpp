#include "services/identity/domain/authorization_codes.hpp"

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {

IssuedAuthorizationCode issue_authorization_code(const AuthorizationCodeRules& rules,
                                                 CodeGrant grant, TimePoint now) {
  std::string code = random_token();
  AuthorizationCode record{sha256_hex(code), std::move(grant), now, now + rules.lifetime, {}};
  return {std::move(code), std::move(record)};
}

core::Result<ChallengeMethod, ChallengeProblem> check_challenge(const AuthorizationCodeRules& rules,
                                                                std::string_view method,
                                                                std::string_view challenge,
                                                                bool required) {
  const auto parsed = parse_challenge_method(method, !challenge.empty());
  if (!parsed) return core::fail(ChallengeProblem::kUnknownMethod);
  if (*parsed == ChallengeMethod::kNone) {
    if (required) return core::fail(ChallengeProblem::kRequired);
    return ChallengeMethod::kNone;
  }
  if (*parsed == ChallengeMethod::kPlain && !rules.allow_plain_pkce) {
    return core::fail(ChallengeProblem::kPlainNotAllowed);
  }
  if (!is_valid_challenge(*parsed, challenge)) return core::fail(ChallengeProblem::kMalformed);
  return *parsed;
}

core::Result<std::monostate, CodeRejection> check_redemption(const AuthorizationCode& code,
                                                             const CodeRedemption& redemption,
                                                             TimePoint now) {
  const CodeGrant& grant = code.grant;
  if (code.redeemed_at) return core::fail(CodeRejection::kReplayed);
  if (grant.client_id != redemption.client_id) return core::fail(CodeRejection::kWrongClient);
  if (now >= code.expires_at) return core::fail(CodeRejection::kExpired);
  // RFC 6749 4.1.3: required and identical when the authorization request carried one.
  if (!grant.redirect_uri.empty() && grant.redirect_uri != redemption.redirect_uri) {
    return core::fail(CodeRejection::kWrongRedirect);
  }
  if (grant.challenge_method == ChallengeMethod::kNone) {
    if (!redemption.code_verifier.empty()) return core::fail(CodeRejection::kUnexpectedVerifier);
    return std::monostate{};
  }
  if (redemption.code_verifier.empty()) return core::fail(CodeRejection::kVerifierMissing);
  if (!verify_pkce(grant.challenge_method, grant.code_challenge, redemption.code_verifier)) {
    return core::fail(CodeRejection::kVerifierMismatch);
  }
  return std::monostate{};
}

}  // namespace hotel::identity::domain
