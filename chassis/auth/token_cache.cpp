#include "chassis/auth/token_cache.hpp"

#include "chassis/auth/openssl_util.hpp"

namespace hotel::auth {

std::string TokenCache::key_of(std::string_view token) { return detail::sha256(token); }

std::shared_ptr<const Principal> TokenCache::find(const std::string& key, TimePoint now) {
  if (capacity_ == 0) return nullptr;
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return nullptr;
  if (now >= found->second.valid_until) {
    erase(found);
    return nullptr;
  }
  return found->second.principal;
}

void TokenCache::insert(const std::string& key, std::shared_ptr<const Principal> principal,
                        TimePoint valid_until) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto found = entries_.find(key); found != entries_.end()) erase(found);
  while (entries_.size() >= capacity_) erase(entries_.find(oldest_first_.front()));
  oldest_first_.push_back(key);
  entries_.emplace(key, Entry{std::move(principal), valid_until, std::prev(oldest_first_.end())});
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
