#include "chassis/auth/openssl_util.hpp"

#include <array>
#include <memory>
#include <stdexcept>

#include <openssl/err.h>
#include <openssl/evp.h>

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
  // One context per thread, initialised again for each digest (EVP_Digest makes and frees one).
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (!context ||
      EVP_DigestInit_ex2(context.get(), kSha256 != nullptr ? kSha256 : EVP_sha256(), nullptr) !=
          1 ||
      EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1) {
    throw_openssl("SHA-256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest.data()), size);
}

}  // namespace hotel::auth::detail
