// Verifies RS256 access (or ID) tokens from trusted issuers and yields the caller's Principal.
// Every service runs one (zero trust); the gateway too, to reject early.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/auth/jwks.hpp"
#include "chassis/auth/principal.hpp"
#include "chassis/core/clock.hpp"

namespace hotel::http {
struct AdmittedToken;
}

namespace hotel::auth {

class IssuerKeys;
class TokenCache;
struct ClaimRules;

struct TrustedIssuer {
  std::string issuer;  // the exact iss value
  std::shared_ptr<JwksSource> jwks;
  // Accepted aud of ID tokens and client_id of access tokens; empty: any.
  std::vector<std::string> audiences;
};

struct VerifierOptions {
  std::vector<TrustedIssuer> issuers;
  std::chrono::seconds leeway{60};                // for exp, nbf and iat
  std::chrono::seconds min_refetch_interval{30};  // per issuer, on an unknown kid
  std::chrono::seconds retry_after_failed_fetch{1};
  std::size_t cache_size = 10'000;  // verified tokens kept; 0: no cache
  std::vector<std::string> accepted_token_use{"access"};
};

class Verifier {
 public:
  // Throws std::invalid_argument when no issuer is configured or one lacks a name or a source.
  // The clock outlives the verifier.
  explicit Verifier(VerifierOptions options,
                    const core::Clock& clock = core::SystemClock::instance());
  ~Verifier();
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;

  // The principal of a valid token. Throws AuthError, with the reason, for any token it does not
  // accept (and for an issuer whose keys cannot be fetched: kKeysUnavailable).
  //   header: alg exactly RS256, a kid, no crit; iss one of the trusted issuers; the kid in that
  //   issuer's JWKS (refetched once per min_refetch_interval when unknown); the signature valid;
  //   then the claims (see check_claims). A token verified before is answered from the cache
  //   while its exp (plus leeway) has not passed.
  http::Task<std::shared_ptr<const Principal>> verify(std::string token);
  // The principal of a token verify() accepted before, while the cache holds it and it is valid;
  // null otherwise (verify() decides then). A hash and a lookup: never suspends, never throws
  // for a bad token, never copies it.
  std::shared_ptr<const Principal> cached(std::string_view token);

  // A connection's memory of the token it was last admitted with (http::AdmittedToken), for the
  // auth middleware: the principal when this verifier remembered it, `authorization` is byte for
  // byte the value remembered and the cache would still answer for it (before its exp plus the
  // leeway), else null. A compare: no hash, no lock. Nothing is remembered while the cache is
  // off (cache_size 0).
  std::shared_ptr<const Principal> recall(const http::AdmittedToken& memory,
                                          std::string_view authorization) const;
  // Remembers a principal this verifier gave for the token in `authorization`.
  void remember(http::AdmittedToken& memory, std::string_view authorization,
                std::shared_ptr<const Principal> principal) const;

  std::size_t cached_tokens() const;

 private:
  struct Issuer;
  const Issuer& trusted_issuer(const boost::json::object& payload) const;
  // Until when a verified principal may be answered without verifying its token again.
  std::chrono::system_clock::time_point reusable_until(const Principal& principal) const;

  const core::Clock& clock_;
  std::chrono::seconds leeway_;
  std::vector<std::unique_ptr<Issuer>> issuers_;
  std::unique_ptr<TokenCache> cache_;
};

}  // namespace hotel::auth
