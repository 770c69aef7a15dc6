#include "services/identity/application/token_signer.hpp"

#include <map>
#include <stdexcept>

#include <boost/json/serialize.hpp>

#include "chassis/auth/jwks.hpp"
#include "chassis/auth/jwt.hpp"
#include "chassis/auth/rsa_key.hpp"
#include "services/identity/application/options.hpp"

namespace hotel::identity::application {

std::optional<domain::SigningKey> choose_signing_key(
    const std::vector<domain::SigningKey>& published, domain::TimePoint now,
    std::chrono::seconds delay) {
  if (published.empty()) return std::nullopt;
  for (const auto& key : published) {
    if (key.created_at + delay <= now) return key;
  }
  return published.back();
}

struct TokenSigner::Snapshot {
  std::vector<domain::SigningKey> published;  // newest first
  std::map<std::string, auth::RsaPrivateKey, std::less<>> private_keys;
  std::string jwks;
  std::chrono::steady_clock::time_point loaded_at;
};

TokenSigner::TokenSigner(const KeyService& keys, const core::Clock& clock, SigningRules rules)
    : keys_(keys), clock_(clock), rules_(rules) {}

TokenSigner::~TokenSigner() = default;

std::shared_ptr<const TokenSigner::Snapshot> TokenSigner::load() const {
  auto snapshot = std::make_shared<Snapshot>();
  std::vector<boost::json::object> public_jwks;
  for (auto& material : keys_.published()) {
    auto key = auth::RsaPrivateKey::from_pem(material.private_pem);
    public_jwks.push_back(key.public_jwk(material.key.kid));
    snapshot->private_keys.emplace(material.key.kid, std::move(key));
    snapshot->published.push_back(std::move(material.key));
  }
  snapshot->jwks = boost::json::serialize(auth::jwks_document(public_jwks));
  snapshot->loaded_at = clock_.steady_now();
  return snapshot;
}

std::shared_ptr<const TokenSigner::Snapshot> TokenSigner::snapshot() {
  std::lock_guard lock(mutex_);
  if (!snapshot_ || clock_.steady_now() - snapshot_->loaded_at >= rules_.reload_interval) {
    snapshot_ = load();
  }
  return snapshot_;
}

void TokenSigner::reload() {
  auto fresh = load();
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(fresh);
}

std::string TokenSigner::signing_kid() {
  const auto current = snapshot();
  const auto key = choose_signing_key(current->published, now_ms(clock_), rules_.activation_delay);
  if (!key) throw std::runtime_error("no signing key is published");
  return key->kid;
}

std::string TokenSigner::sign(const boost::json::object& claims) {
  const auto current = snapshot();
  const auto key = choose_signing_key(current->published, now_ms(clock_), rules_.activation_delay);
  if (!key) throw std::runtime_error("no signing key is published");
  return auth::sign_jwt(claims, current->private_keys.find(key->kid)->second, key->kid);
}

std::string TokenSigner::jwks() { return snapshot()->jwks; }

}  // namespace hotel::identity::application
