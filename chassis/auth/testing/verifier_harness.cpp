#include "chassis/auth/testing/verifier_harness.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

namespace hotel::auth::testing {

VerifierHarness::VerifierHarness()
    : source(std::make_shared<CountingJwksSource>(jwks_of({{kKid, &issuer_key()}}))) {
  runtime_.start();
}

VerifierHarness::~VerifierHarness() { runtime_.stop(); }

VerifierOptions VerifierHarness::options() const {
  VerifierOptions options;
  options.issuers.push_back({std::string(kIssuer), source, {std::string(kClientId)}});
  return options;
}

std::unique_ptr<Verifier> VerifierHarness::make(VerifierOptions options) const {
  return std::make_unique<Verifier>(std::move(options), clock);
}

std::shared_ptr<const Principal> VerifierHarness::verify(Verifier& verifier, std::string token) {
  return boost::asio::co_spawn(runtime_.io(), verifier.verify(std::move(token)),
                               boost::asio::use_future)
      .get();
}

std::optional<AuthReason> VerifierHarness::rejection(Verifier& verifier, std::string token) {
  try {
    verify(verifier, std::move(token));
  } catch (const AuthError& error) {
    return error.reason();
  }
  return std::nullopt;
}

}  // namespace hotel::auth::testing
