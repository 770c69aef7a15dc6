// One issuer's signing keys: the JWKS last fetched from its source, refetched when a token names a
// kid it does not hold, at most once per interval, with concurrent callers sharing one fetch.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "chassis/auth/jwks.hpp"

namespace hotel::core {
class Clock;
}

namespace hotel::auth {

struct KeyRefreshPolicy {
  // Least time between two fetches of one issuer's JWKS (after a successful fetch).
  std::chrono::seconds min_refetch_interval{30};
  // Least time between two fetches after a failed one.
  std::chrono::seconds retry_after_failure{1};
};

class IssuerKeys {
 public:
  // The clock outlives this object.
  IssuerKeys(std::shared_ptr<JwksSource> source, const core::Clock& clock, KeyRefreshPolicy policy);
  ~IssuerKeys();
  IssuerKeys(const IssuerKeys&) = delete;
  IssuerKeys& operator=(const IssuerKeys&) = delete;

  // The key with that kid. Fetches the JWKS when none is loaded yet or the kid is unknown, unless
  // the policy says it is too soon. Throws AuthError kUnknownKey when the kid is still unknown,
  // kKeysUnavailable when no JWKS could be had.
  http::Task<RsaPublicKey> key(std::string kid) const;

  // Fetches started so far.
  std::size_t fetches() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace hotel::auth
