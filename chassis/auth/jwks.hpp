// JSON Web Key Sets: the issuer's public signing keys by kid, and the port that fetches them.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "chassis/auth/rsa_key.hpp"
#include "chassis/http/router.hpp"

namespace hotel::auth {

class Jwks {
 public:
  Jwks() = default;

  // {"keys":[...]}. RSA signing keys with a kid are kept; keys of other types, for encryption, for
  // other algorithms, without a kid or not valid are skipped (a JWKS may hold them). The first of
  // two keys with one kid wins. Throws std::invalid_argument when the document is not a JWKS.
  static Jwks parse(std::string_view json);
  static Jwks from_json(const boost::json::value& document);

  void add(std::string kid, RsaPublicKey key);
  // Null when there is no such key.
  const RsaPublicKey* find(std::string_view kid) const;
  std::size_t size() const { return keys_.size(); }

 private:
  std::map<std::string, RsaPublicKey, std::less<>> keys_;
};

// {"keys":[jwk...]}, the document an issuer serves (from RsaPrivateKey::public_jwk objects).
boost::json::object jwks_document(const std::vector<boost::json::object>& public_jwks);

// Where an issuer's keys come from. fetch() throws (anything) when they cannot be had.
class JwksSource {
 public:
  virtual ~JwksSource() = default;
  virtual http::Task<Jwks> fetch() = 0;
};

// Keys held in memory: for an in-process issuer and for tests. Thread-safe.
class StaticJwksSource final : public JwksSource {
 public:
  explicit StaticJwksSource(Jwks jwks) : jwks_(std::move(jwks)) {}
  // Replaces the keys (rotation).
  void set(Jwks jwks);
  http::Task<Jwks> fetch() override;

 private:
  std::mutex mutex_;
  Jwks jwks_;
};

}  // namespace hotel::auth
