#include "chassis/auth/token_cache.hpp"

#include <cstring>

#include "chassis/auth/openssl_util.hpp"

namespace hotel::auth {

TokenCache::Key TokenCache::key_of(std::string_view token) {
  // memrchr is vectorised; string_view::rfind steps back one character at a time.
  const void* dot = token.empty() ? nullptr : memrchr(token.data(), '.', token.size());
  if (dot == nullptr) return Key{detail::sha256(token), {}};
  const auto at = static_cast<std::size_t>(static_cast<const char*>(dot) - token.data());
  return Key{detail::sha256(token.substr(at + 1)), token.substr(0, at)};
}

std::shared_ptr<const Principal> TokenCache::find(const Key& key, TimePoint now) {
  if (capacity_ == 0) return nullptr;
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key.digest);
  if (found == entries_.end() || found->second.signed_part != key.signed_part) return nullptr;
  if (now >= found->second.valid_until) {
    erase(found);
    return nullptr;
  }
  return found->second.principal;
}

void TokenCache::insert(const Key& key, std::shared_ptr<const Principal> principal,
                        TimePoint valid_until) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto found = entries_.find(key.digest); found != entries_.end()) erase(found);
  while (entries_.size() >= capacity_) erase(entries_.find(oldest_first_.front()));
  oldest_first_.push_back(key.digest);
  entries_.emplace(key.digest, Entry{std::string(key.signed_part), std::move(principal),
                                     valid_until, std::prev(oldest_first_.end())});
}

std::size_t TokenCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void TokenCache::erase(std::unordered_map<std::string, Entry>::iterator entry) {
  oldest_first_.erase(entry->second.age);
  entries_.erase(entry);
}

}  // namespace hotel::auth
