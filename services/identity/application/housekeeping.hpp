// Deleting what can no longer matter: expired confirmation codes, refresh tokens past their
// expiry, authorization codes (kept for the refresh token lifetime after they expire, so that a
// replay still revokes what they issued), sign-in attempt logs older than any lockout, and
// expired hosted-UI sessions.
#pragma once

#include "chassis/core/clock.hpp"
#include "services/identity/application/options.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::application {

// Returns how many rows went. Blocking; run it now and then from a background loop.
int purge_expired(storage::IdentityStore& store, const core::Clock& clock,
                  const IdentityOptions& options);

}  // namespace hotel::identity::application
