// Refresh token and authorization code use cases. Blocking (SQLite): the API layer runs them on
// the worker pool. The caller authenticates the client first (ClientRegistry::authenticate) and
// passes the authenticated client_id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/core/result.hpp"
#include "services/identity/application/client_registry.hpp"
#include "services/identity/application/options.hpp"
#include "services/identity/domain/authorization_codes.hpp"
#include "services/identity/domain/refresh_tokens.hpp"
#include "services/identity/domain/user.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::application {

// An /authorize request after the user signed in.
struct AuthorizationRequest {
  std::string client_id;
  std::string redirect_uri;  // as sent (may be empty when the client registers one URI)
  std::string scope;         // as sent, space-separated (empty: all the client's scopes)
  std::string code_challenge;
  std::string code_challenge_method;  // as sent: "S256", "plain" or empty
  std::string nonce;
  std::string user_id;
  domain::TimePoint auth_time;
};

struct IssuedAuthorization {
  std::string code;          // to send to redirect_uri
  std::string redirect_uri;  // resolved
  std::vector<std::string> scopes;
  domain::TimePoint expires_at;
};

// What the token endpoint needs to answer a redeemed code: the user for the ID token's claims,
// the grant (scope, nonce, auth_time), and a refresh token when the client may refresh.
struct RedeemedCode {
  domain::User user;
  domain::CodeGrant grant;
  std::optional<domain::IssuedRefreshToken> refresh_token;
};

struct RefreshedSession {
  domain::User user;
  std::string scope;
  domain::TimePoint auth_time;
  domain::IssuedRefreshToken refresh_token;  // the successor: the presented token is now dead
};

class TokenService {
 public:
  TokenService(storage::IdentityStore& store, const core::Clock& clock,
               const IdentityOptions& options);

  // Starts a refresh token family (a sign-in through the password grant, for example).
  domain::IssuedRefreshToken issue_refresh_token(std::string_view user_id,
                                                 std::string_view client_id, std::string_view scope,
                                                 domain::TimePoint auth_time);
  // Rotates `token`: it stops working and its successor is returned. A token that was already
  // rotated is a copy in the wrong hands: its whole family is revoked (kReused).
  core::Result<RefreshedSession, domain::RefreshRejection> rotate_refresh_token(
      std::string_view token, std::string_view client_id);
  // Revokes the token's family (sign-out on this device). False when the token is unknown or
  // another client's (RFC 7009 answers success either way).
  bool revoke_refresh_token(std::string_view token, std::string_view client_id);
  // Revokes every refresh token of the user (global sign-out); returns how many.
  int revoke_all_for_user(std::string_view user_id);

  core::Result<IssuedAuthorization, AuthorizeError> create_authorization_code(
      const AuthorizationRequest& request);
  // Redeems a code once. A code presented again fails with kReplayed and revokes the refresh
  // tokens issued from it.
  core::Result<RedeemedCode, domain::CodeRejection> redeem_authorization_code(
      std::string_view code, const domain::CodeRedemption& redemption);

 private:
  storage::IdentityStore& store_;
  const core::Clock& clock_;
  IdentityOptions options_;
};

}  // namespace hotel::identity::application
