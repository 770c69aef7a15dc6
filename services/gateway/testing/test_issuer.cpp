#include "services/gateway/testing/test_issuer.hpp"

#include "chassis/auth/jwks.hpp"
#include "chassis/auth/testing/tokens.hpp"

namespace hotel::gateway::testing {

std::shared_ptr<auth::Verifier> test_issuer_verifier() {
  namespace tokens = auth::testing;
  auth::VerifierOptions options;
  auto keys = std::make_shared<auth::StaticJwksSource>(
      tokens::jwks_of({{tokens::kKid, &tokens::issuer_key()}}));
  options.issuers.push_back(
      {std::string(tokens::kIssuer), std::move(keys), {std::string(tokens::kClientId)}});
  return std::make_shared<auth::Verifier>(std::move(options));
}

}  // namespace hotel::gateway::testing
