// Verified tokens by SHA-256 of the token text, so that a token seen before costs a hash and a
// lookup instead of an RSA verification. Bounded (the oldest entry goes first); thread-safe.
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

  // capacity 0 disables the cache.
  explicit TokenCache(std::size_t capacity) : capacity_(capacity) {}

  // The key of a token: its SHA-256.
  static std::string key_of(std::string_view token);

  // The principal of a token verified before, when it is still valid at `now` (entries past their
  // expiry are dropped on the way).
  std::shared_ptr<const Principal> find(const std::string& key, TimePoint now);
  void insert(const std::string& key, std::shared_ptr<const Principal> principal,
              TimePoint valid_until);
  std::size_t size() const;
  std::size_t capacity() const { return capacity_; }

 private:
  struct Entry {
    std::shared_ptr<const Principal> principal;
    TimePoint valid_until;
    std::list<std::string>::iterator age;  // position in oldest_first_
  };

  void erase(std::unordered_map<std::string, Entry>::iterator entry);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> oldest_first_;
};

}  // namespace hotel::auth
