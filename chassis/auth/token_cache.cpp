#include "chassis/auth/token_cache.hpp"

#include <cstring>
#include <stdexcept>

#include <sodium.h>

namespace hotel::auth {

static_assert(std::tuple_size_v<TokenCache::Digest> == crypto_shorthash_siphashx24_BYTES);

TokenCache::TokenCache(std::size_t capacity) : capacity_(capacity) {
  static_assert(sizeof secret_ == crypto_shorthash_siphashx24_KEYBYTES);
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  randombytes_buf(secret_.data(), secret_.size());
}

TokenCache::Key TokenCache::key_of(std::string_view token) const {
  // memrchr is vectorised; string_view::rfind steps back one character at a time.
  const void* dot = token.empty() ? nullptr : memrchr(token.data(), '.', token.size());
  const auto at = dot == nullptr
                      ? std::string_view::npos
                      : static_cast<std::size_t>(static_cast<const char*>(dot) - token.data());
  const std::string_view signature = at == std::string_view::npos ? token : token.substr(at + 1);
  Key key;
  crypto_shorthash_siphashx24(key.digest.data(),
                              reinterpret_cast<const unsigned char*>(signature.data()),
                              signature.size(), secret_.data());
  if (at != std::string_view::npos) key.signed_part = token.substr(0, at);
  return key;
}

std::size_t TokenCache::DigestHash::operator()(const Digest& digest) const noexcept {
  std::size_t hash = 0;
  std::memcpy(&hash, digest.data(), sizeof hash);
  return hash;
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

void TokenCache::erase(Entries::iterator entry) {
  oldest_first_.erase(entry->second.age);
  entries_.erase(entry);
}

}  // namespace hotel::auth
