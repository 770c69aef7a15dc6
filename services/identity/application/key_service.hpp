// The signing key ring with its storage: key ids and dates in the database, private PEMs in the
// secrets store under signing_key_secret_name(kid). The PEMs come from an injected KeyGenerator
// (the chassis' RSA generator in production); turning them into JWKs is the auth chassis' job.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/secrets/secrets_provider.hpp"
#include "services/identity/domain/key_ring.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::application {

struct KeyMaterial {
  domain::SigningKey key;
  std::string private_pem;
};

class KeyService {
 public:
  KeyService(storage::IdentityStore& store, secrets::SecretsProvider& secrets,
             domain::KeyGenerator& generator, const core::Clock& clock, domain::KeyRingRules rules);

  // Makes the first key on first start, or a new one when the active key is older than the
  // rotation period. Returns the active key. Call at start (and daily, for rotation by age).
  domain::SigningKey ensure_active();
  // A new active key now; the previous one is retired and stays published for the max token
  // lifetime. Returns the new key.
  domain::SigningKey rotate();

  // The key to sign with. Throws std::runtime_error when there is none (ensure_active not run)
  // or its PEM is missing from the secrets store.
  KeyMaterial active() const;
  // The keys for the JWKS, newest first.
  std::vector<KeyMaterial> published() const;
  domain::KeyRing ring() const;

 private:
  KeyMaterial with_pem(const domain::SigningKey& key) const;

  storage::IdentityStore& store_;
  secrets::SecretsProvider& secrets_;
  domain::KeyGenerator& generator_;
  const core::Clock& clock_;
  domain::KeyRingRules rules_;
};

}  // namespace hotel::identity::application
