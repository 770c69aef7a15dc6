#include "services/identity/application/key_service.hpp"

#include <stdexcept>

#include "services/identity/application/options.hpp"

namespace hotel::identity::application {

KeyService::KeyService(storage::IdentityStore& store, secrets::SecretsProvider& secrets,
                       domain::KeyGenerator& generator, const core::Clock& clock,
                       domain::KeyRingRules rules)
    : store_(store), secrets_(secrets), generator_(generator), clock_(clock), rules_(rules) {}

domain::KeyRing KeyService::ring() const {
  return domain::KeyRing(store_.read([](storage::UnitOfWork& work) { return work.keys().list(); }));
}

domain::SigningKey KeyService::ensure_active() {
  const auto current = ring();
  if (!current.rotation_due(rules_, now_ms(clock_))) return *current.active();
  return rotate();
}

domain::SigningKey KeyService::rotate() {
  // The slow part and the secret first, outside the transaction: a row never names a key the
  // secrets store lacks (a failed commit leaves an unused secret, which is harmless).
  const std::string kid = domain::new_kid();
  secrets_.put(domain::signing_key_secret_name(kid), generator_.generate_private_pem());
  return store_.write([&](storage::UnitOfWork& work) {
    domain::KeyRing ring(work.keys().list());
    const auto now = now_ms(clock_);
    auto rotation = ring.rotate(kid, now);
    for (const auto& retired : rotation.retired) work.keys().retire(retired, now);
    work.keys().insert(rotation.added);
    return rotation.added;
  });
}

KeyMaterial KeyService::with_pem(const domain::SigningKey& key) const {
  auto pem = secrets_.get(domain::signing_key_secret_name(key.kid));
  if (!pem) {
    throw std::runtime_error("signing key " + key.kid + " is missing from the secrets store");
  }
  return {key, std::move(*pem)};
}

KeyMaterial KeyService::active() const {
  const auto key = ring().active();
  if (!key) throw std::runtime_error("no active signing key: ensure_active() has not run");
  return with_pem(*key);
}

std::vector<KeyMaterial> KeyService::published() const {
  std::vector<KeyMaterial> keys;
  for (const auto& key : ring().published(rules_, now_ms(clock_))) keys.push_back(with_pem(key));
  return keys;
}

}  // namespace hotel::identity::application
