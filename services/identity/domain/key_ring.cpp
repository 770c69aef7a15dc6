#include "services/identity/domain/key_ring.hpp"

#include <algorithm>

#include "chassis/core/ids.hpp"

namespace hotel::identity::domain {

std::string signing_key_secret_name(std::string_view kid) {
  return "identity-signing-key-" + std::string(kid);
}

std::string new_kid() { return core::random_hex(8); }

KeyRing::KeyRing(std::vector<SigningKey> keys) : keys_(std::move(keys)) {
  std::stable_sort(keys_.begin(), keys_.end(),
                   [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
}

std::optional<SigningKey> KeyRing::active() const {
  const auto it = std::find_if(keys_.rbegin(), keys_.rend(),
                               [](const SigningKey& key) { return !key.retired_at; });
  if (it == keys_.rend()) return std::nullopt;
  return *it;
}

bool KeyRing::rotation_due(const KeyRingRules& rules, TimePoint now) const {
  const auto current = active();
  if (!current) return true;
  return rules.rotation_period.count() > 0 && now >= current->created_at + rules.rotation_period;
}

std::vector<SigningKey> KeyRing::published(const KeyRingRules& rules, TimePoint now) const {
  std::vector<SigningKey> keys;
  for (auto it = keys_.rbegin(); it != keys_.rend(); ++it) {
    if (!it->retired_at || *it->retired_at + rules.max_token_lifetime > now) keys.push_back(*it);
  }
  return keys;
}

std::vector<SigningKey> KeyRing::expired(const KeyRingRules& rules, TimePoint now) const {
  std::vector<SigningKey> keys;
  for (const auto& key : keys_) {
    if (key.retired_at && *key.retired_at + rules.max_token_lifetime <= now) keys.push_back(key);
  }
  return keys;
}

KeyRing::Rotation KeyRing::rotate(std::string kid, TimePoint now) {
  Rotation rotation{SigningKey{std::move(kid), now, std::nullopt}, {}};
  for (auto& key : keys_) {
    if (!key.retired_at) {
      key.retired_at = now;
      rotation.retired.push_back(key.kid);
    }
  }
  keys_.push_back(rotation.added);
  return rotation;
}

}  // namespace hotel::identity::domain
