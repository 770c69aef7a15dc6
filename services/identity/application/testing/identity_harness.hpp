// The identity use cases over a temp-file database, a ManualClock, in-memory secrets and the
// cheapest argon2 cost, for tests. Codes are read back from the outbox, as the notification
// service would.
#pragma once

#include <stdexcept>
#include <string>

#include "chassis/core/clock.hpp"
#include "chassis/secrets/testing/memory_secrets.hpp"
#include "services/identity/application/client_registry.hpp"
#include "services/identity/application/token_service.hpp"
#include "services/identity/application/user_pool.hpp"
#include "services/identity/storage/testing/identity_database.hpp"

namespace hotel::identity::application::testing {

inline IdentityOptions test_options() {
  IdentityOptions options;
  options.hash_cost = domain::HashCost::minimum();
  return options;
}

inline const char* const kPassword = "Correct#horse1";
// RFC 7636's example verifier and its S256 challenge, and the web client's redirect URI.
inline const char* const kPkceVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
inline const char* const kPkceChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
inline const char* const kWebRedirect = "http://localhost:8080/hotel/";

class IdentityHarness {
 public:
  explicit IdentityHarness(const IdentityOptions& options = test_options()) : options_(options) {}

  // The code of the newest user.confirmation_requested event for `email`.
  std::string last_code(const std::string& email) const {
    const auto events = database_.events_of("user.confirmation_requested");
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      const auto& data = it->data.as_object();
      if (data.at("email").as_string() == email) return std::string(data.at("code").as_string());
    }
    throw std::logic_error("no code was sent to " + email);
  }

  // A confirmed customer, signed up and confirmed through the self-service flow.
  domain::User confirmed_user(const std::string& email, const std::string& password = kPassword) {
    const auto signed_up = pool_.sign_up({email, password, {"Test", "User", "", ""}, ""});
    if (!signed_up) throw std::logic_error("sign-up failed: " + signed_up.error().message);
    const auto confirmed = pool_.confirm_sign_up(email, last_code(email));
    if (!confirmed) throw std::logic_error("confirmation failed: " + confirmed.error().message);
    return confirmed.value();
  }

  core::ManualClock clock_;
  secrets::testing::MemorySecrets secrets_;
  IdentityOptions options_;
  storage::testing::IdentityDatabase database_{clock_};
  UserPool pool_{database_.store(), secrets_, clock_, options_};
  ClientRegistry clients_{database_.store(), secrets_};
  TokenService tokens_{database_.store(), clock_, options_};
};

}  // namespace hotel::identity::application::testing
