// OAuth client use cases: seeding the default clients, looking clients up, authenticating them
// for a grant, and checking an authorization request before the user is asked to sign in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/core/result.hpp"
#include "chassis/secrets/secrets_provider.hpp"
#include "services/identity/domain/clients.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::application {

// A client other services use for client-credentials tokens. Its secret lives in the secrets
// store under client_secret_name(client_id), where the calling service reads it too.
struct ServiceClientSpec {
  std::string client_id;
  std::string name;
  std::vector<std::string> scopes;
};

// The benchmark's client: confidential, the only one ever given the password grant.
inline constexpr const char* kBenchClientId = "hotel-bench";

// hotel-web: public, redirect http://localhost:8080/hotel/, authorization_code + refresh_token +
// implicit, scopes openid email profile phone.
domain::OAuthClient default_web_client();
// One client per service that calls another, with the `<service>/internal` scopes it needs and
// `events/read` for the consumers of protected event feeds (the identity feed carries codes).
std::vector<ServiceClientSpec> default_service_clients();

// Why an authorization request is refused. The first two must not redirect back to the client
// (the redirect URI is not trusted); the others are reported to the redirect URI.
enum class AuthorizeError {
  kUnknownClient,
  kRedirectNotRegistered,
  kGrantNotAllowed,  // the client may not use this response type
  kScopeNotAllowed,
  kChallengeRequired,  // public clients must use PKCE
  kChallengeMethodNotSupported,
  kChallengeMalformed,
  kUserUnavailable,  // the user is unknown or disabled
};

struct AuthorizationTarget {
  domain::OAuthClient client;
  std::string redirect_uri;         // resolved (the registered one when none was sent)
  std::vector<std::string> scopes;  // granted
};

// The checks of an authorization request for `grant` (authorization_code or implicit), inside a
// unit of work.
core::Result<AuthorizationTarget, AuthorizeError> check_authorization(storage::UnitOfWork& work,
                                                                      std::string_view client_id,
                                                                      std::string_view redirect_uri,
                                                                      domain::GrantType grant,
                                                                      std::string_view scope);

class ClientRegistry {
 public:
  ClientRegistry(storage::IdentityStore& store, secrets::SecretsProvider& secrets);

  // Writes the web client and the service clients as given (seeded clients follow their seed on
  // every start). A service client's secret is read from the secrets store, or generated and
  // stored there when missing. Throws std::invalid_argument for an invalid client.
  void seed(const domain::OAuthClient& web = default_web_client(),
            const std::vector<ServiceClientSpec>& services = default_service_clients());

  // Writes hotel-bench (password and refresh_token grants; scopes openid email profile), its
  // secret read from or created in the secrets store like a service client's.
  void seed_bench_client();

  std::optional<domain::OAuthClient> find(std::string_view client_id) const;
  // The client, when `secret` is its secret (empty for a public client) and it may use `grant`.
  core::Result<domain::OAuthClient, domain::ClientProblem> authenticate(
      std::string_view client_id, std::string_view secret, domain::GrantType grant) const;
  core::Result<AuthorizationTarget, AuthorizeError> check_authorization(
      std::string_view client_id, std::string_view redirect_uri, domain::GrantType grant,
      std::string_view scope) const;

 private:
  storage::IdentityStore& store_;
  secrets::SecretsProvider& secrets_;
};

}  // namespace hotel::identity::application
