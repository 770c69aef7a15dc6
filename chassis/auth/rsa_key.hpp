// RSA keys for RS256 (RSASSA-PKCS1-v1_5 with SHA-256) on OpenSSL 3's EVP API. Keys are immutable
// once made, so copies share one EVP_PKEY and may be used from any thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/types.h>
#include <boost/json/object.hpp>

namespace hotel::auth {

// Smaller RSA moduli are refused everywhere.
inline constexpr int kMinRsaBits = 2048;

class RsaPublicKey {
 public:
  // A JWK: kty "RSA", n and e in base64url; alg (if present) "RS256", use (if present) "sig".
  // Throws std::invalid_argument saying what is wrong.
  static RsaPublicKey from_jwk(const boost::json::object& jwk);

  // True only for a valid RS256 signature of `data`.
  bool verify_rs256(std::string_view data, std::string_view signature) const;
  // SubjectPublicKeyInfo PEM.
  std::string to_pem() const;
  int bits() const;

 private:
  friend class RsaPrivateKey;
  explicit RsaPublicKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

class RsaPrivateKey {
 public:
  static RsaPrivateKey generate(int bits = 2048);
  // PKCS#8 (or traditional RSA) PEM. Throws std::invalid_argument for anything else.
  static RsaPrivateKey from_pem(std::string_view pem);
  // Unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY").
  std::string to_pem() const;

  // The RS256 signature of `data` (raw bytes, modulus-sized).
  std::string sign_rs256(std::string_view data) const;
  RsaPublicKey public_key() const;
  // {kty, kid, use: "sig", alg: "RS256", n, e}
  boost::json::object public_jwk(std::string_view kid) const;

 private:
  explicit RsaPrivateKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

}  // namespace hotel::auth
