#include "chassis/auth/rsa_key.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include "chassis/auth/base64url.hpp"
#include "chassis/auth/openssl_util.hpp"

namespace hotel::auth {

namespace {

using detail::throw_openssl;

using ParamBldPtr =
    std::unique_ptr<OSSL_PARAM_BLD, detail::OpenSslDeleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, detail::OpenSslDeleter<OSSL_PARAM, OSSL_PARAM_free>>;

const unsigned char* bytes_of(std::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

std::string read_bio(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

// A JWK member that must be a non-empty base64url string holding an unsigned big integer.
detail::BnPtr jwk_integer(const boost::json::object& jwk, std::string_view name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw std::invalid_argument("JWK member \"" + std::string(name) + "\" must be a string");
  }
  const auto bytes = base64url_decode(value->get_string());
  if (!bytes || bytes->empty()) {
    throw std::invalid_argument("JWK member \"" + std::string(name) + "\" is not base64url");
  }
  detail::BnPtr number(BN_bin2bn(bytes_of(*bytes), static_cast<int>(bytes->size()), nullptr));
  if (!number) throw_openssl("BN_bin2bn failed");
  return number;
}

void require_member(const boost::json::object& jwk, std::string_view name,
                    std::string_view expected, bool optional) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr && optional) return;
  if (value == nullptr || !value->is_string() || value->get_string() != expected) {
    throw std::invalid_argument("JWK member \"" + std::string(name) + "\" must be \"" +
                                std::string(expected) + "\"");
  }
}

std::string bn_param(const EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) throw_openssl("reading an RSA parameter");
  const detail::BnPtr number(raw);
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(number.get())), '\0');
  BN_bn2bin(number.get(), reinterpret_cast<unsigned char*>(bytes.data()));
  return bytes;
}

void require_rsa(const EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "RSA") != 1) throw std::invalid_argument("not an RSA key");
  if (EVP_PKEY_get_bits(key) < kMinRsaBits) {
    throw std::invalid_argument("RSA modulus shorter than " + std::to_string(kMinRsaBits) +
                                " bits");
  }
}

}  // namespace

RsaPublicKey RsaPublicKey::from_jwk(const boost::json::object& jwk) {
  require_member(jwk, "kty", "RSA", false);
  require_member(jwk, "alg", "RS256", true);
  require_member(jwk, "use", "sig", true);
  const detail::BnPtr n = jwk_integer(jwk, "n");
  const detail::BnPtr e = jwk_integer(jwk, "e");
  if (!BN_is_odd(e.get()) || BN_is_one(e.get())) {
    throw std::invalid_argument("JWK exponent must be odd and greater than 1");
  }
  const ParamBldPtr builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    throw_openssl("building RSA parameters");
  }
  const ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
  const detail::PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    ERR_clear_error();
    throw std::invalid_argument("JWK does not describe an RSA public key");
  }
  auto key = detail::share_pkey(raw);
  require_rsa(key.get());
  return RsaPublicKey(std::move(key));
}

bool RsaPublicKey::verify_rs256(std::string_view data, std::string_view signature) const {
  const detail::MdCtxPtr context(EVP_MD_CTX_new());
  if (!context || EVP_DigestVerifyInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr,
                                          key_.get(), nullptr) != 1) {
    throw_openssl("EVP_DigestVerifyInit_ex failed");
  }
  const bool valid = EVP_DigestVerify(context.get(), bytes_of(signature), signature.size(),
                                      bytes_of(data), data.size()) == 1;
  if (!valid) ERR_clear_error();
  return valid;
}

std::string RsaPublicKey::to_pem() const {
  const detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) throw_openssl("writing PEM");
  return read_bio(bio.get());
}

int RsaPublicKey::bits() const { return EVP_PKEY_get_bits(key_.get()); }

RsaPrivateKey RsaPrivateKey::generate(int bits) {
  if (bits < kMinRsaBits) throw std::invalid_argument("RSA keys need at least 2048 bits");
  EVP_PKEY* raw = EVP_RSA_gen(static_cast<unsigned int>(bits));
  if (raw == nullptr) throw_openssl("RSA key generation failed");
  return RsaPrivateKey(detail::share_pkey(raw));
}

RsaPrivateKey RsaPrivateKey::from_pem(std::string_view pem) {
  const detail::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw_openssl("BIO_new_mem_buf failed");
  auto key = detail::share_pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) {
    ERR_clear_error();
    throw std::invalid_argument("not a PEM private key");
  }
  require_rsa(key.get());
  return RsaPrivateKey(std::move(key));
}

std::string RsaPrivateKey::to_pem() const {
  const detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw_openssl("writing PEM");
  }
  return read_bio(bio.get());
}

std::string RsaPrivateKey::sign_rs256(std::string_view data) const {
  const detail::MdCtxPtr context(EVP_MD_CTX_new());
  if (!context || EVP_DigestSignInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr,
                                        key_.get(), nullptr) != 1) {
    throw_openssl("EVP_DigestSignInit_ex failed");
  }
  std::size_t size = 0;
  if (EVP_DigestSign(context.get(), nullptr, &size, bytes_of(data), data.size()) != 1) {
    throw_openssl("EVP_DigestSign failed");
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     bytes_of(data), data.size()) != 1) {
    throw_openssl("EVP_DigestSign failed");
  }
  signature.resize(size);
  return signature;
}

RsaPublicKey RsaPrivateKey::public_key() const { return RsaPublicKey(key_); }

boost::json::object RsaPrivateKey::public_jwk(std::string_view kid) const {
  return {{"kty", "RSA"},
          {"kid", kid},
          {"use", "sig"},
          {"alg", "RS256"},
          {"n", base64url_encode(bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_N))},
          {"e", base64url_encode(bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_E))}};
}

}  // namespace hotel::auth
