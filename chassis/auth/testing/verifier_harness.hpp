// Test support: a verifier over a counting JWKS source, a manual clock and a token factory.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "chassis/auth/auth_error.hpp"
#include "chassis/auth/testing/counting_jwks_source.hpp"
#include "chassis/auth/testing/tokens.hpp"
#include "chassis/auth/verifier.hpp"
#include "chassis/core/runtime.hpp"

namespace hotel::auth::testing {

class VerifierHarness {
 public:
  VerifierHarness();
  ~VerifierHarness();

  // One trusted issuer (kIssuer, the counting source, audience kClientId).
  VerifierOptions options() const;
  std::unique_ptr<Verifier> make(VerifierOptions options) const;

  // Runs verify() on the runtime and waits. Throws what it throws.
  std::shared_ptr<const Principal> verify(Verifier& verifier, std::string token);
  // The reason the token is refused; nullopt when it is accepted.
  std::optional<AuthReason> rejection(Verifier& verifier, std::string token);

  core::Runtime& runtime() { return runtime_; }

  core::ManualClock clock;
  std::shared_ptr<CountingJwksSource> source;
  TokenFactory tokens{clock};

 private:
  core::Runtime runtime_{2, 1};
};

}  // namespace hotel::auth::testing
