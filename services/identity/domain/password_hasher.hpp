// Password hashing with argon2id (libsodium crypto_pwhash_str). The hash string carries its own
// salt and cost, so hashes made under an older cost still verify; needs_rehash tells the caller
// to store a fresh hash after a successful sign-in (the upgrade path when the cost is raised).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hotel::identity::domain {

struct HashCost {
  unsigned long long opslimit = 2;     // crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t memlimit = 64ull << 20;  // crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB)

  // The cheapest cost libsodium accepts: for tests only.
  static HashCost minimum();
};

class PasswordHasher {
 public:
  // Throws std::invalid_argument when the cost is outside libsodium's limits.
  explicit PasswordHasher(HashCost cost = {});

  // A new "$argon2id$..." string with a random salt. Throws std::runtime_error when out of memory.
  std::string hash(std::string_view password) const;
  // Whether `password` matches `hash`; false for a malformed hash.
  bool verify(std::string_view hash, std::string_view password) const;
  // Whether `hash` was made with another algorithm or cost than this hasher's.
  bool needs_rehash(std::string_view hash) const;

  // A hash of a random password under this hasher's cost: verifying against it costs what
  // verifying a real user's password costs, so an unknown user takes as long as a wrong password.
  const std::string& dummy_hash() const { return dummy_hash_; }

  const HashCost& cost() const { return cost_; }

 private:
  HashCost cost_;
  std::string dummy_hash_;
};

}  // namespace hotel::identity::domain
