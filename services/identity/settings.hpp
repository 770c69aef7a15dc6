// The identity service's configuration keys (identity.*, plus the host's auth.issuer) and the
// settings read from them. `hotel config` lists every key with its HOTEL_* variable.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "services/identity/application/options.hpp"
#include "services/identity/application/token_signer.hpp"
#include "services/identity/domain/hosted_sessions.hpp"

namespace hotel::service {
class Config;
class ConfigSchema;
}  // namespace hotel::service

namespace hotel::identity {

struct IdentitySettings {
  std::string issuer;  // auth.issuer: iss of every token, base of the discovery document's URLs
  application::IdentityOptions options;
  domain::SessionRules sessions;
  application::SigningRules signing;
  std::chrono::seconds access_token_lifetime{3600};
  std::chrono::seconds id_token_lifetime{3600};
  // Peers whose X-Forwarded-For is believed (the gateway); anyone else's address is its own.
  std::vector<std::string> trusted_proxies{"127.0.0.1", "::1"};
  std::vector<std::string> web_redirect_uris{"http://localhost:8080/hotel/"};
  bool bench_client = false;  // register hotel-bench and allow it the password grant
  std::chrono::milliseconds housekeeping_interval{std::chrono::hours(1)};

  // Cookies get the Secure attribute when the issuer is served over https.
  bool secure_cookies() const { return issuer.starts_with("https://"); }
  // The JWKS' Cache-Control max-age: short enough that a cached copy never hides a new key
  // beyond the activation delay (delay - 30 s refetch bound - 5 s reload, at least 0).
  std::chrono::seconds jwks_max_age() const;
};

// Adds the identity.* keys.
void add_identity_config(service::ConfigSchema& schema);
// Reads them (and auth.issuer). Throws service::ConfigError for combinations the schema cannot
// express.
IdentitySettings read_identity_settings(const service::Config& config);

}  // namespace hotel::identity
