#include "services/identity/domain/refresh_tokens.hpp"

#include "chassis/core/ids.hpp"
#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

IssuedRefreshToken issue(RefreshToken record) {
  std::string token = random_token();
  record.hash = sha256_hex(token);
  return {std::move(token), std::move(record)};
}

}  // namespace

IssuedRefreshToken start_family(const RefreshTokenRules& rules, RefreshGrant grant, TimePoint now) {
  return issue(RefreshToken{.family_id = core::uuid_v4(),
                            .user_id = std::move(grant.user_id),
                            .client_id = std::move(grant.client_id),
                            .scope = std::move(grant.scope),
                            .origin_code_hash = std::move(grant.origin_code_hash),
                            .auth_time = grant.auth_time,
                            .issued_at = now,
                            .expires_at = now + rules.lifetime});
}

IssuedRefreshToken successor(const RefreshToken& current, TimePoint now) {
  RefreshToken next = current;
  next.issued_at = now;
  next.rotated_at.reset();
  next.revoked_at.reset();
  return issue(std::move(next));
}

core::Result<std::monostate, RefreshRejection> check_refresh(const RefreshToken& token,
                                                             std::string_view client_id,
                                                             TimePoint now) {
  if (token.revoked_at) return core::fail(RefreshRejection::kRevoked);
  if (token.rotated_at) return core::fail(RefreshRejection::kReused);
  if (token.client_id != client_id) return core::fail(RefreshRejection::kWrongClient);
  if (now >= token.expires_at) return core::fail(RefreshRejection::kExpired);
  return std::monostate{};
}

}  // namespace hotel::identity::domain
