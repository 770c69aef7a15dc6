// What the identity service's handlers use, owned by the service and alive while it serves.
// The use cases are blocking: handlers run them with `co_await runtime.call(...)`.
#pragma once

#include <string>

#include "chassis/core/clock.hpp"
#include "services/identity/application/client_registry.hpp"
#include "services/identity/application/hosted_sessions.hpp"
#include "services/identity/application/key_service.hpp"
#include "services/identity/application/token_service.hpp"
#include "services/identity/application/token_signer.hpp"
#include "services/identity/application/user_pool.hpp"
#include "services/identity/settings.hpp"

namespace hotel::core {
class Runtime;
}
namespace hotel::observe {
class Logger;
}

namespace hotel::identity::api {

struct ApiContext {
  core::Runtime& runtime;
  const observe::Logger& logger;
  const core::Clock& clock;
  const IdentitySettings& settings;
  application::UserPool& pool;
  application::TokenService& tokens;
  application::ClientRegistry& clients;
  application::HostedSessions& sessions;
  application::KeyService& keys;
  application::TokenSigner& signer;
  std::string csrf_key;  // keys the CSRF tokens (identity-csrf-key in the secrets store)
};

}  // namespace hotel::identity::api
