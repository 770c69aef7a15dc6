// Test support: a token verifier trusting chassis/auth's test issuer (auth::testing::kIssuer,
// its key under kKid, audience kClientId), as the host will install one for the real issuer.
#pragma once

#include <memory>

#include "chassis/auth/verifier.hpp"

namespace hotel::gateway::testing {

std::shared_ptr<auth::Verifier> test_issuer_verifier();

}  // namespace hotel::gateway::testing
