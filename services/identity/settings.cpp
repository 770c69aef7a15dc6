#include "services/identity/settings.hpp"

#include <algorithm>

#include "chassis/service/config.hpp"

namespace hotel::identity {
namespace {

using service::ConfigType;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr double kSecond = 1000;
constexpr double kMinute = 60 * kSecond;
constexpr double kHour = 60 * kMinute;
constexpr double kDay = 24 * kHour;

void duration(service::ConfigSchema& schema, const char* key, milliseconds fallback, double min,
              double max, const char* description) {
  schema.add({key, ConfigType::kDurationMs, fallback, min, max, {}, description});
}

void integer(service::ConfigSchema& schema, const char* key, std::int64_t fallback, double min,
             double max, const char* description) {
  schema.add({key, ConfigType::kInt, fallback, min, max, {}, description});
}

seconds secs(const service::Config& config, const char* key) {
  return std::chrono::duration_cast<seconds>(config.get_ms(key));
}

}  // namespace

std::chrono::seconds IdentitySettings::jwks_max_age() const {
  return std::max(seconds(0), signing.activation_delay - seconds(35));
}

void add_identity_config(service::ConfigSchema& schema) {
  duration(schema, "identity.access_token_lifetime", std::chrono::hours(1), 5 * kMinute, kDay,
           "Lifetime of access tokens");
  duration(schema, "identity.id_token_lifetime", std::chrono::hours(1), 5 * kMinute, kDay,
           "Lifetime of ID tokens");
  duration(schema, "identity.refresh_token_lifetime", std::chrono::hours(24 * 30), kHour,
           3650 * kDay, "Refresh token family lifetime from sign-in (rotation does not extend it)");
  duration(schema, "identity.session_lifetime", std::chrono::hours(1), kMinute, 30 * kDay,
           "Hosted-UI session: how long /oauth2/authorize skips the login form");
  duration(schema, "identity.key_activation_delay", std::chrono::seconds(60), 35 * kSecond, kDay,
           "A new signing key is published at once and signs only once this old (>= 30 s "
           "verifier refetch bound + 5 s reload)");
  duration(schema, "identity.key_rotation_period", std::chrono::hours(24 * 90), 0, 3650 * kDay,
           "Age at which the signing key is rotated automatically (0: never)");
  integer(schema, "identity.hash_opslimit", 2, 1, 10, "argon2id passes (libsodium opslimit)");
  integer(schema, "identity.hash_memlimit_kib", std::int64_t{64} * 1024, 8,
          std::int64_t{4} * 1024 * 1024, "argon2id memory per hash in KiB");
  integer(schema, "identity.account_max_failures", 5, 1, 1000,
          "Failed sign-ins per e-mail address within the window before a lockout");
  integer(schema, "identity.address_max_failures", 20, 1, 100'000,
          "Failed sign-ins per client address within the window before a lockout");
  duration(schema, "identity.throttle_window", std::chrono::minutes(15), kSecond, kDay,
           "Window in which failed sign-ins count");
  duration(schema, "identity.lockout", std::chrono::minutes(15), kSecond, kDay,
           "How long a locked account or address waits");
  schema.add({"identity.trusted_proxies",
              ConfigType::kStringList,
              std::vector<std::string>{"127.0.0.1", "::1"},
              {},
              {},
              {},
              "Peer addresses whose X-Forwarded-For names the client (the gateway)"});
  schema.add({"identity.web_redirect_uris",
              ConfigType::kStringList,
              std::vector<std::string>{"http://localhost:8080/hotel/"},
              {},
              {},
              {},
              "Registered redirect and logout URIs of the web client hotel-web"});
  schema.add({"identity.bench_client",
              ConfigType::kBool,
              false,
              {},
              {},
              {},
              "Register hotel-bench, the only client allowed the password grant"});
  duration(schema, "identity.housekeeping_interval", std::chrono::hours(1), kSecond, kDay,
           "How often expired codes, tokens, sessions and attempt logs are purged");
}

IdentitySettings read_identity_settings(const service::Config& config) {
  IdentitySettings settings;
  settings.issuer = config.get_string("auth.issuer");
  auto& options = settings.options;
  options.hash_cost.opslimit =
      static_cast<unsigned long long>(config.get_int("identity.hash_opslimit"));
  options.hash_cost.memlimit =
      static_cast<std::size_t>(config.get_int("identity.hash_memlimit_kib")) * 1024;
  for (auto* rule : {&options.throttle.account, &options.throttle.address}) {
    rule->window = secs(config, "identity.throttle_window");
    rule->lockout = secs(config, "identity.lockout");
  }
  options.throttle.account.max_failures =
      static_cast<int>(config.get_int("identity.account_max_failures"));
  options.throttle.address.max_failures =
      static_cast<int>(config.get_int("identity.address_max_failures"));
  options.refresh_tokens.lifetime = secs(config, "identity.refresh_token_lifetime");
  settings.access_token_lifetime = secs(config, "identity.access_token_lifetime");
  settings.id_token_lifetime = secs(config, "identity.id_token_lifetime");
  settings.signing.activation_delay = secs(config, "identity.key_activation_delay");
  options.keys.rotation_period = secs(config, "identity.key_rotation_period");
  // A retired key stays published while a token it signed may live: it may sign for up to the
  // activation delay after it was retired, plus the longest token lifetime and the leeway.
  const auto longest = std::max(settings.access_token_lifetime, settings.id_token_lifetime);
  options.keys.max_token_lifetime =
      std::max(options.keys.max_token_lifetime,
               longest + settings.signing.activation_delay + std::chrono::minutes(5));
  settings.sessions.lifetime = secs(config, "identity.session_lifetime");
  settings.trusted_proxies = config.get_list("identity.trusted_proxies");
  settings.web_redirect_uris = config.get_list("identity.web_redirect_uris");
  if (settings.web_redirect_uris.empty()) {
    throw service::ConfigError("identity.web_redirect_uris: at least one URI is required");
  }
  settings.bench_client = config.get_bool("identity.bench_client");
  settings.housekeeping_interval = config.get_ms("identity.housekeeping_interval");
  return settings;
}

}  // namespace hotel::identity
