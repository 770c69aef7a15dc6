#include "chassis/auth/openssl_util.hpp"

#include <stdexcept>

#include <openssl/err.h>

namespace hotel::auth::detail {

std::shared_ptr<EVP_PKEY> share_pkey(EVP_PKEY* key) {
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

void throw_openssl(const std::string& what) {
  std::string message = what;
  if (const unsigned long code = ERR_get_error(); code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    message += ": ";
    message += text;
  }
  ERR_clear_error();
  throw std::runtime_error(message);
}

std::string sha256(std::string_view data) {
  // Fetched once: EVP_sha256() makes OpenSSL 3 look the implementation up on every digest.
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  std::string digest(EVP_MAX_MD_SIZE, '\0');
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(digest.data()), &size,
                 kSha256 != nullptr ? kSha256 : EVP_sha256(), nullptr) != 1) {
    throw_openssl("SHA-256 failed");
  }
  digest.resize(size);
  return digest;
}

}  // namespace hotel::auth::detail
