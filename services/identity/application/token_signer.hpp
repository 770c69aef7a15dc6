// Signs tokens with the key ring's keys and serves the JWKS, honouring the verifiers' refetch
// rule: a verifier refetches the JWKS for an unknown kid at most every 30 s, so a new key must be
// in the JWKS for at least that long before a token carries it. The signer therefore signs with
// the newest published key that is at least `activation_delay` old (the previous key keeps
// signing meanwhile), and rereads the ring every `reload_interval` so that a key added by another
// process (`hotel keys rotate`) is published within that interval.
//
// Blocking (SQLite, the secrets store, RSA): run it on the worker pool. Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "chassis/core/clock.hpp"
#include "services/identity/application/key_service.hpp"

namespace hotel::identity::application {

struct SigningRules {
  std::chrono::seconds activation_delay{60};
  std::chrono::seconds reload_interval{5};
};

// The key to sign with among the published keys (newest first): the newest that is at least
// `delay` old; when none is, the oldest published key (the first key ever made, or every key
// younger than the delay). nullopt when nothing is published.
std::optional<domain::SigningKey> choose_signing_key(
    const std::vector<domain::SigningKey>& published, domain::TimePoint now,
    std::chrono::seconds delay);

class TokenSigner {
 public:
  // `keys` and `clock` outlive the signer.
  TokenSigner(const KeyService& keys, const core::Clock& clock, SigningRules rules);
  ~TokenSigner();

  // The compact RS256 JWT of `claims`, with the chosen key's kid.
  std::string sign(const boost::json::object& claims);
  // The JWKS document of every published key.
  std::string jwks();
  // The kid sign() uses now.
  std::string signing_kid();
  // Rereads the ring at once (after a rotation in this process).
  void reload();

 private:
  struct Snapshot;
  std::shared_ptr<const Snapshot> snapshot();
  std::shared_ptr<const Snapshot> load() const;

  const KeyService& keys_;
  const core::Clock& clock_;
  SigningRules rules_;
  std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace hotel::identity::application
