// Verified tokens, so that a token seen before costs a hash, a lookup and a compare instead of an
// RSA verification. An entry is found by a keyed 128-bit digest of the token's signature segment
// (SipHash-2-4 with a random key of the cache's own, libsodium's crypto_shorthash_siphashx24) and
// holds the token's signed part (header.payload), which a lookup compares byte for byte: a hit
// means the very token verified before, yet the cache never holds a whole token (a memory
// disclosure yields claims and digests, not bearer credentials). Two signatures with one digest
// cannot be made without the key (SipHash is a keyed pseudorandom function; 2^-128 by chance).
// SipHash takes ~110 ns for a ~340-character RS256 signature where SHA-256 through OpenSSL took
// ~240 ns (with SHA extensions), and the digest needs no heap. Bounded (the oldest entry goes
// first); thread-safe.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "chassis/auth/principal.hpp"

namespace hotel::auth {

class TokenCache {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  using Digest = std::array<unsigned char, 16>;

  // A token as the cache sees it. `signed_part` views the token given to key_of.
  struct Key {
    Digest digest{};               // keyed digest of the signature segment (after the last '.')
    std::string_view signed_part;  // everything before the last '.'; empty when there is none
  };

  // capacity 0 disables the cache.
  explicit TokenCache(std::size_t capacity);

  Key key_of(std::string_view token) const;

  // The principal of the token verified before, when it is still valid at `now` (entries past
  // their expiry are dropped on the way).
  std::shared_ptr<const Principal> find(const Key& key, TimePoint now);
  void insert(const Key& key, std::shared_ptr<const Principal> principal, TimePoint valid_until);
  std::size_t size() const;
  std::size_t capacity() const { return capacity_; }

 private:
  struct Entry {
    std::string signed_part;
    std::shared_ptr<const Principal> principal;
    TimePoint valid_until;
    std::list<Digest>::iterator age;  // position in oldest_first_
  };
  // The digest is a keyed pseudorandom function's output: its first bytes are a hash already.
  struct DigestHash {
    std::size_t operator()(const Digest& digest) const noexcept;
  };
  using Entries = std::unordered_map<Digest, Entry, DigestHash>;

  void erase(Entries::iterator entry);

  const std::size_t capacity_;
  std::array<unsigned char, 16> secret_{};  // the SipHash key, random per cache
  mutable std::mutex mutex_;
  Entries entries_;  // by digest
  std::list<Digest> oldest_first_;
};

}  // namespace hotel::auth
