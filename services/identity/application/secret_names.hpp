// Secrets the identity service keeps in the secrets port, and how it creates them on first start.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "chassis/auth/service_token_provider.hpp"
#include "chassis/secrets/secrets_provider.hpp"

namespace hotel::identity::application {

// The key of the keyed hash that stores confirmation codes.
inline constexpr const char* kCodeKeySecret = "identity-code-key";

// Where a service client's secret lives, for the identity service and for the client itself.
inline std::string client_secret_name(std::string_view client_id) {
  return auth::service_client_secret_name(client_id);
}

// The secret `name`; when missing, `make()`'s value, stored first.
inline std::string secret_or_create(secrets::SecretsProvider& secrets, const std::string& name,
                                    const std::function<std::string()>& make) {
  if (auto existing = secrets.get(name)) return *existing;
  std::string created = make();
  secrets.put(name, created);
  return created;
}

}  // namespace hotel::identity::application
