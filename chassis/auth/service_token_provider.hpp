// Client-credentials access tokens for service-to-service calls: obtained from the identity
// service's POST /oauth2/token (found through discovery) with the service's client id and the
// secret the identity service wrote to the shared secrets store, cached, and renewed shortly
// before they expire. For a subscription to a protected feed:
//   options.authorization = [&provider] { return provider.authorization(); };
#pragma once

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "chassis/core/clock.hpp"
#include "chassis/http/client.hpp"

namespace hotel::core {
class Runtime;
}
namespace hotel::discovery {
class Resolver;
}
namespace hotel::secrets {
class SecretsProvider;
}

namespace hotel::auth {

// Where a service client's secret lives in the secrets store: "identity-client-secret-<id>".
std::string service_client_secret_name(std::string_view client_id);

struct ServiceTokenOptions {
  std::string client_id;                    // e.g. "notification-service"
  std::string scope;                        // space-separated; empty: every scope of the client
  std::string issuer_service = "identity";  // resolved through discovery
  std::string token_path = "/oauth2/token";
  // A token is renewed when less than this is left (or half its lifetime, when that is less).
  std::chrono::seconds renew_before{60};
  std::chrono::milliseconds timeout{5000};
};

class ServiceTokenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ServiceTokenProvider {
 public:
  // Everything given outlives the provider. Thread-safe.
  ServiceTokenProvider(core::Runtime& runtime, http::HttpClient& client,
                       const discovery::Resolver& resolver, secrets::SecretsProvider& secrets,
                       ServiceTokenOptions options,
                       const core::Clock& clock = core::SystemClock::instance());
  ~ServiceTokenProvider();
  ServiceTokenProvider(const ServiceTokenProvider&) = delete;
  ServiceTokenProvider& operator=(const ServiceTokenProvider&) = delete;

  // "Bearer <access token>": the cached token while it is fresh, else a new one. Callers that
  // arrive together while it is renewed may each fetch one. Throws ServiceTokenError when the
  // secret is missing or the token endpoint refuses (with its error), http::ClientError when it
  // cannot be reached.
  http::Task<std::string> authorization();
  // Forgets the cached token (after a server refused it), so that the next call fetches one.
  void invalidate();

 private:
  struct State;
  http::Task<std::string> fetch();

  core::Runtime& runtime_;
  http::HttpClient& client_;
  const discovery::Resolver& resolver_;
  secrets::SecretsProvider& secrets_;
  ServiceTokenOptions options_;
  const core::Clock& clock_;
  std::unique_ptr<State> state_;
};

}  // namespace hotel::auth
