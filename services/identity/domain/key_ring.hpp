// The bookkeeping of token signing keys: which key signs (the active one), which keys the JWKS
// publishes (the active one and retired ones whose tokens may still be in circulation), and what
// a rotation changes. The keys themselves (PEM) are made by a KeyGenerator and kept by the
// secrets port; this ring holds only their ids and dates.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/identity/domain/user.hpp"

namespace hotel::identity::domain {

// Makes a new private signing key. The wiring passes the chassis' RSA generator.
class KeyGenerator {
 public:
  virtual ~KeyGenerator() = default;
  virtual std::string generate_private_pem() = 0;
};

struct KeyRingRules {
  // The longest a token signed by a key may live: a retired key is published this long after it
  // stopped signing, so every token it signed can still be verified.
  std::chrono::seconds max_token_lifetime = std::chrono::hours(24);
  // How long a key signs before ensure_active() rotates it (0: never automatically).
  std::chrono::seconds rotation_period = std::chrono::hours(24 * 90);
};

struct SigningKey {
  std::string kid;
  TimePoint created_at;
  std::optional<TimePoint> retired_at;
  bool operator==(const SigningKey&) const = default;
};

// The name under which a key's private PEM is kept in the secrets store.
std::string signing_key_secret_name(std::string_view kid);
// A fresh key id: 16 random hex digits.
std::string new_kid();

class KeyRing {
 public:
  explicit KeyRing(std::vector<SigningKey> keys = {});

  // The newest key that is not retired; nullopt before the first key is made.
  std::optional<SigningKey> active() const;
  // Whether a new key is due: none is active, or the active one is older than the rotation period.
  bool rotation_due(const KeyRingRules& rules, TimePoint now) const;
  // The keys a verifier may meet at `now`: the active key and every retired key with
  // retired_at + max_token_lifetime > now. Newest first.
  std::vector<SigningKey> published(const KeyRingRules& rules, TimePoint now) const;
  // Retired keys no valid token can carry any more: safe to delete with their private PEMs.
  std::vector<SigningKey> expired(const KeyRingRules& rules, TimePoint now) const;

  struct Rotation {
    SigningKey added;                  // the new active key
    std::vector<std::string> retired;  // kids retired at `now`
  };
  // Makes `kid` the active key and retires every other key that is not yet retired.
  Rotation rotate(std::string kid, TimePoint now);

  const std::vector<SigningKey>& keys() const { return keys_; }

 private:
  std::vector<SigningKey> keys_;  // oldest first
};

}  // namespace hotel::identity::domain
