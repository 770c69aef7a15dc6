#include "services/identity/application/housekeeping.hpp"

#include <algorithm>

namespace hotel::identity::application {

int purge_expired(storage::IdentityStore& store, const core::Clock& clock,
                  const IdentityOptions& options) {
  const auto now = now_ms(clock);
  const auto& account = options.throttle.account;
  const auto& address = options.throttle.address;
  const auto attempts_matter =
      std::max(account.window + account.lockout, address.window + address.lockout);
  return store.write([&](storage::UnitOfWork& work) {
    return work.users().purge_expired_codes(now) +
           work.tokens().purge_expired(now, now - options.refresh_tokens.lifetime) +
           work.throttle().purge(now - attempts_matter) + work.sessions().purge_expired(now);
  });
}

}  // namespace hotel::identity::application
