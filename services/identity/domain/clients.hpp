// OAuth clients and the rules every request is held to: exact redirect URIs, allowed grants, and
// scopes within the client's set. A client with a secret is confidential and stores only the
// secret's SHA-256 (secrets are 32 random bytes, so a fast hash is enough).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "chassis/core/result.hpp"
#include "services/identity/domain/user.hpp"
#include "services/identity/domain/words.hpp"

namespace hotel::identity::domain {

enum class GrantType {
  kAuthorizationCode,
  kImplicit,
  kRefreshToken,
  kClientCredentials,
  kPassword
};

// The OAuth names: "authorization_code", "implicit", "refresh_token", "client_credentials",
// "password".
std::string_view to_string(GrantType grant);
std::optional<GrantType> parse_grant_type(std::string_view name);

struct OAuthClient {
  std::string client_id;
  std::string name;
  std::string secret_hash;  // sha256_hex of the secret; empty for a public client
  std::vector<std::string> redirect_uris;
  std::vector<GrantType> grants;
  std::vector<std::string> scopes;

  bool is_public() const { return secret_hash.empty(); }
  bool allows(GrantType grant) const;
  bool has_redirect(std::string_view uri) const;  // exact, character for character
};

enum class ClientProblem {
  kUnknownClient,
  kBadSecret,  // wrong, missing, or sent by a public client
  kGrantNotAllowed,
  kRedirectNotRegistered,  // or missing while the client registers several
  kScopeNotAllowed,
};

// Whether `presented` is the client's secret (constant time). A public client has no secret, so
// it authenticates only with an empty one.
core::Result<std::monostate, ClientProblem> check_client_secret(const OAuthClient& client,
                                                                std::string_view presented);
// The redirect URI to use: the requested one when registered; the only registered one when none
// is requested.
core::Result<std::string, ClientProblem> resolve_redirect(const OAuthClient& client,
                                                          std::string_view requested);
// The scopes granted for a space-separated request: all the client's scopes when the request is
// empty; else the requested ones (deduplicated, in request order), each of which the client must
// be allowed.
core::Result<std::vector<std::string>, ClientProblem> grant_scopes(const OAuthClient& client,
                                                                   std::string_view requested);

// Client ids: 1 to 64 of [A-Za-z0-9._-]; redirect URIs: absolute http(s) without a fragment.
Validation validate_client(const OAuthClient& client);

}  // namespace hotel::identity::domain
