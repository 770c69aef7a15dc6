#include "services/identity/application/client_registry.hpp"

#include <stdexcept>

#include "services/identity/application/secret_names.hpp"
#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::application {

using domain::GrantType;

domain::OAuthClient default_web_client() {
  return {.client_id = "hotel-web",
          .name = "Hotel web UI",
          .secret_hash = "",
          .redirect_uris = {"http://localhost:8080/hotel/"},
          .grants = {GrantType::kAuthorizationCode, GrantType::kRefreshToken, GrantType::kImplicit},
          .scopes = {"openid", "email", "profile", "phone"}};
}

std::vector<ServiceClientSpec> default_service_clients() {
  return {
      {"booking-service", "Booking service", {"hotels/internal", "payment/internal"}},
      {"search-service", "Search service", {"hotels/internal", "events/read"}},
      {"notification-service",
       "Notification service",
       {"booking/internal", "identity/internal", "events/read"}},
      {"hotels-service", "Hotels service", {"identity/internal"}},
      {"gateway", "API gateway", {"booking/internal"}},
  };
}

core::Result<AuthorizationTarget, AuthorizeError> check_authorization(storage::UnitOfWork& work,
                                                                      std::string_view client_id,
                                                                      std::string_view redirect_uri,
                                                                      GrantType grant,
                                                                      std::string_view scope) {
  auto client = work.clients().find(client_id);
  if (!client) return core::fail(AuthorizeError::kUnknownClient);
  auto redirect = domain::resolve_redirect(*client, redirect_uri);
  if (!redirect) return core::fail(AuthorizeError::kRedirectNotRegistered);
  if (!client->allows(grant)) return core::fail(AuthorizeError::kGrantNotAllowed);
  auto scopes = domain::grant_scopes(*client, scope);
  if (!scopes) return core::fail(AuthorizeError::kScopeNotAllowed);
  return AuthorizationTarget{std::move(*client), std::move(redirect.value()),
                             std::move(scopes.value())};
}

ClientRegistry::ClientRegistry(storage::IdentityStore& store, secrets::SecretsProvider& secrets)
    : store_(store), secrets_(secrets) {}

void ClientRegistry::seed(const domain::OAuthClient& web,
                          const std::vector<ServiceClientSpec>& services) {
  std::vector<domain::OAuthClient> clients{web};
  for (const auto& spec : services) {
    const std::string secret = secret_or_create(secrets_, client_secret_name(spec.client_id),
                                                [] { return domain::random_token(); });
    clients.push_back({.client_id = spec.client_id,
                       .name = spec.name,
                       .secret_hash = domain::sha256_hex(secret),
                       .redirect_uris = {},
                       .grants = {GrantType::kClientCredentials},
                       .scopes = spec.scopes});
  }
  for (const auto& client : clients) {
    if (auto valid = domain::validate_client(client); !valid) {
      throw std::invalid_argument("client " + client.client_id + ": " + valid.error().field + " " +
                                  valid.error().why);
    }
  }
  store_.write([&](storage::UnitOfWork& work) {
    for (const auto& client : clients) work.clients().upsert(client);
  });
}

void ClientRegistry::seed_bench_client() {
  const std::string secret = secret_or_create(secrets_, client_secret_name(kBenchClientId),
                                              [] { return domain::random_token(); });
  const domain::OAuthClient client{.client_id = kBenchClientId,
                                   .name = "Sign-in benchmark",
                                   .secret_hash = domain::sha256_hex(secret),
                                   .redirect_uris = {},
                                   .grants = {GrantType::kPassword, GrantType::kRefreshToken},
                                   .scopes = {"openid", "email", "profile"}};
  store_.write([&](storage::UnitOfWork& work) { work.clients().upsert(client); });
}

std::optional<domain::OAuthClient> ClientRegistry::find(std::string_view client_id) const {
  return store_.read([&](storage::UnitOfWork& work) { return work.clients().find(client_id); });
}

core::Result<domain::OAuthClient, domain::ClientProblem> ClientRegistry::authenticate(
    std::string_view client_id, std::string_view secret, GrantType grant) const {
  auto client = find(client_id);
  if (!client) return core::fail(domain::ClientProblem::kUnknownClient);
  if (auto checked = domain::check_client_secret(*client, secret); !checked) {
    return core::fail(checked.error());
  }
  if (!client->allows(grant)) return core::fail(domain::ClientProblem::kGrantNotAllowed);
  return std::move(*client);
}

core::Result<AuthorizationTarget, AuthorizeError> ClientRegistry::check_authorization(
    std::string_view client_id, std::string_view redirect_uri, GrantType grant,
    std::string_view scope) const {
  return store_.read([&](storage::UnitOfWork& work) {
    return application::check_authorization(work, client_id, redirect_uri, grant, scope);
  });
}

}  // namespace hotel::identity::application
