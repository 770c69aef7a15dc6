// Refresh tokens and authorization codes, both keyed by the SHA-256 of the secret.
#pragma once

#include <optional>
#include <string_view>

#include "services/identity/domain/authorization_codes.hpp"
#include "services/identity/domain/refresh_tokens.hpp"

namespace hotel::identity::storage {

class TokenRepository {
 public:
  virtual ~TokenRepository() = default;

  virtual void insert_refresh_token(const domain::RefreshToken& token) = 0;
  virtual std::optional<domain::RefreshToken> find_refresh_token(std::string_view hash) = 0;
  virtual void mark_rotated(std::string_view hash, domain::TimePoint at) = 0;
  // Each revoke sets revoked_at on the tokens not yet revoked and returns how many it touched.
  virtual int revoke_family(std::string_view family_id, domain::TimePoint at) = 0;
  virtual int revoke_user(std::string_view user_id, domain::TimePoint at) = 0;
  virtual int revoke_from_code(std::string_view code_hash, domain::TimePoint at) = 0;

  virtual void insert_authorization_code(const domain::AuthorizationCode& code) = 0;
  virtual std::optional<domain::AuthorizationCode> find_authorization_code(
      std::string_view hash) = 0;
  virtual void mark_redeemed(std::string_view hash, domain::TimePoint at) = 0;

  // Deletes refresh tokens past their expiry and authorization codes that expired before
  // `codes_before`; returns how many rows went.
  virtual int purge_expired(domain::TimePoint now, domain::TimePoint codes_before) = 0;
};

}  // namespace hotel::identity::storage
