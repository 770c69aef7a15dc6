#include "services/identity/domain/password_hasher.hpp"

#include <sodium.h>

#include <stdexcept>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {

HashCost HashCost::minimum() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(HashCost cost) : cost_(cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  if (cost_.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
      cost_.opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
      cost_.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
      cost_.memlimit > crypto_pwhash_argon2id_MEMLIMIT_MAX) {
    throw std::invalid_argument("password hash cost outside libsodium's argon2id limits");
  }
  dummy_hash_ = hash(random_token());
}

std::string PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool PasswordHasher::verify(std::string_view hash, std::string_view password) const {
  // crypto_pwhash_str_verify wants a NUL-terminated string of at most STRBYTES - 1 characters.
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view hash) const {
  if (hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string terminated(hash);
  // 1 means another cost, -1 another algorithm or a malformed string: both call for a new hash.
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), cost_.opslimit, cost_.memlimit) != 0;
}

}  // namespace hotel::identity::domain
