#include "chassis/auth/verifier.hpp"

#include <algorithm>
#include <stdexcept>

#include "chassis/auth/claims.hpp"
#include "chassis/auth/issuer_keys.hpp"
#include "chassis/auth/jwt.hpp"
#include "chassis/auth/token_cache.hpp"
#include "chassis/http/message.hpp"

namespace hotel::auth {

namespace {

// Cached entries never outlive this (about 2096), whatever exp says: system_clock's nanosecond
// range ends in 2262.
constexpr std::int64_t kLatestCacheExpiry = 4'000'000'000;

std::int64_t seconds_since_epoch(std::chrono::system_clock::time_point time) {
  return std::chrono::floor<std::chrono::seconds>(time.time_since_epoch()).count();
}

// The header must ask for RS256 and name a key; returns the kid.
std::string check_header(const boost::json::object& header) {
  const auto* alg = header.if_contains("alg");
  if (alg == nullptr || !alg->is_string() || alg->get_string() != "RS256") {
    throw AuthError(AuthReason::kUnsupportedAlgorithm, "alg must be RS256");
  }
  if (header.contains("crit")) {
    throw AuthError(AuthReason::kUnsupportedAlgorithm, "no critical header extension is supported");
  }
  const auto* kid = header.if_contains("kid");
  if (kid == nullptr || !kid->is_string() || kid->get_string().empty()) {
    throw AuthError(AuthReason::kMissingKeyId, "the header names no kid");
  }
  return std::string(kid->get_string());
}

}  // namespace

struct Verifier::Issuer {
  Issuer(std::string n, ClaimRules r, std::shared_ptr<JwksSource> source, const core::Clock& clock,
         KeyRefreshPolicy refresh)
      : name(std::move(n)), rules(std::move(r)), keys(std::move(source), clock, refresh) {}

  std::string name;
  ClaimRules rules;
  IssuerKeys keys;
};

Verifier::Verifier(VerifierOptions options, const core::Clock& clock)
    : clock_(clock),
      leeway_(options.leeway),
      cache_(std::make_unique<TokenCache>(options.cache_size)) {
  if (options.issuers.empty()) throw std::invalid_argument("the verifier needs a trusted issuer");
  const KeyRefreshPolicy refresh{options.min_refetch_interval, options.retry_after_failed_fetch};
  for (auto& trusted : options.issuers) {
    if (trusted.issuer.empty() || !trusted.jwks) {
      throw std::invalid_argument("a trusted issuer needs a name and a JWKS source");
    }
    ClaimRules rules{options.leeway, options.accepted_token_use, std::move(trusted.audiences)};
    issuers_.push_back(std::make_unique<Issuer>(std::move(trusted.issuer), std::move(rules),
                                                std::move(trusted.jwks), clock, refresh));
  }
}

Verifier::~Verifier() = default;

std::shared_ptr<const Principal> Verifier::cached(std::string_view token) {
  if (cache_->capacity() == 0 || token.size() > kMaxTokenSize) return nullptr;
  return cache_->find(cache_->key_of(token), clock_.system_now());
}

std::shared_ptr<const Principal> Verifier::recall(const http::AdmittedToken& memory,
                                                  std::string_view authorization) const {
  if (cache_->capacity() == 0 || memory.verifier != this || memory.principal == nullptr ||
      memory.authorization != authorization ||
      clock_.coarse_system_now() >= memory.valid_until) {  // a tick late at most: leeway is seconds
    return nullptr;
  }
  return memory.principal;
}

void Verifier::remember(http::AdmittedToken& memory, std::string_view authorization,
                        std::shared_ptr<const Principal> principal) const {
  if (cache_->capacity() == 0 || principal == nullptr) return;
  memory.authorization.assign(authorization);
  memory.valid_until = reusable_until(*principal);
  memory.principal = std::move(principal);
  memory.verifier = this;
}

std::chrono::system_clock::time_point Verifier::reusable_until(const Principal& principal) const {
  const std::int64_t seconds = std::min(principal.expires_at, kLatestCacheExpiry) + leeway_.count();
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

std::size_t Verifier::cached_tokens() const { return cache_->size(); }

const Verifier::Issuer& Verifier::trusted_issuer(const boost::json::object& payload) const {
  const auto* iss = payload.if_contains("iss");
  if (iss != nullptr && iss->is_string()) {
    for (const auto& issuer : issuers_) {
      if (issuer->name == iss->get_string()) return *issuer;
    }
  }
  throw AuthError(AuthReason::kUntrustedIssuer, "the issuer is not trusted");
}

http::Task<std::shared_ptr<const Principal>> Verifier::verify(std::string token) {
  if (token.size() > kMaxTokenSize) throw TokenError("token too large");
  const TokenCache::Key cache_key =
      cache_->capacity() == 0 ? TokenCache::Key{} : cache_->key_of(token);
  if (auto cached = cache_->find(cache_key, clock_.system_now())) co_return cached;

  const DecodedJwt jwt = decode_jwt(token);
  const std::string kid = check_header(jwt.header);
  const Issuer& issuer = trusted_issuer(jwt.payload);
  const RsaPublicKey key = co_await issuer.keys.key(kid);
  if (!key.verify_rs256(jwt.signing_input, jwt.signature)) {
    throw AuthError(AuthReason::kBadSignature, "the signature does not verify");
  }
  auto principal = std::make_shared<const Principal>(
      check_claims(jwt.payload, issuer.rules, seconds_since_epoch(clock_.system_now())));
  cache_->insert(cache_key, principal, reusable_until(*principal));
  co_return principal;
}

}  // namespace hotel::auth
