// Verified tokens, so that a token seen before costs a hash, a lookup and a compare instead of an
// RSA verification. An entry is found by the SHA-256 of the token's signature segment and holds
// the token's signed part (header.payload), which a lookup compares byte for byte: a hit means
// the very token verified before, yet the cache never holds a whole token (a memory disclosure
// yields claims and digests, not bearer credentials). Hashing the signature alone reads ~340 of
// a token's ~800 characters. Bounded (the oldest entry goes first); thread-safe.
#pragma once

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

  // A token as the cache sees it. `signed_part` views the token given to key_of.
  struct Key {
    std::string digest;            // SHA-256 of the signature segment (after the last '.')
    std::string_view signed_part;  // everything before the last '.'; empty when there is none
  };

  // capacity 0 disables the cache.
  explicit TokenCache(std::size_t capacity) : capacity_(capacity) {}

  static Key key_of(std::string_view token);

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
    std::list<std::string>::iterator age;  // position in oldest_first_
  };

  void erase(std::unordered_map<std::string, Entry>::iterator entry);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by digest
  std::list<std::string> oldest_first_;
};

}  // namespace hotel::auth
