// Test support: keys generated once per process, and tokens with Cognito's claims.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "chassis/auth/jwks.hpp"
#include "chassis/auth/rsa_key.hpp"
#include "chassis/core/clock.hpp"

namespace hotel::auth::testing {

inline constexpr std::string_view kIssuer = "https://idp.hotel.test/pool-1";
inline constexpr std::string_view kClientId = "web-client";
inline constexpr std::string_view kKid = "key-1";
inline constexpr std::string_view kRotatedKid = "key-2";

// RSA-2048 keys, made on first use: the issuer's key, its next key, and one nobody trusts.
const RsaPrivateKey& issuer_key();
const RsaPrivateKey& rotated_key();
const RsaPrivateKey& attacker_key();

// A JWKS holding the public halves of the given keys under the given kids.
Jwks jwks_of(const std::vector<std::pair<std::string_view, const RsaPrivateKey*>>& keys);

// Builds claims relative to a clock: issued now, expiring after `lifetime`.
class TokenFactory {
 public:
  explicit TokenFactory(const core::Clock& clock, std::string issuer = std::string(kIssuer),
                        std::string client_id = std::string(kClientId));

  // A user's access token (token_use "access", client_id, username, cognito:groups).
  boost::json::object access_claims(std::string_view username,
                                    const std::vector<std::string>& groups = {}) const;
  // A user's ID token (token_use "id", aud, cognito:username, email, names).
  boost::json::object id_claims(std::string_view username,
                                const std::vector<std::string>& groups = {}) const;
  // A client-credentials access token: no username, scopes.
  boost::json::object service_claims(std::string_view scope) const;

  // Signed by the issuer's key under kKid unless told otherwise.
  std::string sign(const boost::json::object& claims) const;
  std::string sign(const boost::json::object& claims, const RsaPrivateKey& key,
                   std::string_view kid) const;

  std::int64_t now() const;
  std::chrono::seconds lifetime{3600};

 private:
  boost::json::object base_claims(std::string_view sub, std::string_view token_use) const;

  const core::Clock& clock_;
  std::string issuer_;
  std::string client_id_;
};

// "<b64(header)>.<b64(payload)>.<b64(signature)>" with no checks: for forged tokens.
std::string assemble_token(const boost::json::object& header, const boost::json::object& payload,
                           std::string_view signature);

}  // namespace hotel::auth::testing
