#include "services/identity/domain/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace hotel::identity::domain {
namespace {

void ensure_sodium() {
  static const int initialised = sodium_init();
  if (initialised < 0) throw std::runtime_error("libsodium failed to initialise");
}

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string token = base64url(raw);
  sodium_memzero(raw.data(), raw.size());
  return token;
}

std::uint32_t random_below(std::uint32_t upper) {
  ensure_sodium();
  return randombytes_uniform(upper);
}

std::string base64url(std::string_view bytes) {
  ensure_sodium();
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), bytes_of(bytes), bytes.size(), kVariant);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return encoded;
}

std::string sha256(std::string_view text) {
  ensure_sodium();
  std::string digest(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()), bytes_of(text), text.size());
  return digest;
}

std::string sha256_hex(std::string_view text) {
  const std::string digest = sha256(text);
  return to_hex(bytes_of(digest), digest.size());
}

std::string keyed_hash_hex(std::string_view key, std::string_view text) {
  ensure_sodium();
  if (key.size() < crypto_generichash_KEYBYTES_MIN ||
      key.size() > crypto_generichash_KEYBYTES_MAX) {
    throw std::invalid_argument("keyed_hash_hex: key must be 16 to 64 bytes");
  }
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, bytes_of(text), text.size(), bytes_of(key), key.size());
  return to_hex(digest, sizeof digest);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace hotel::identity::domain
