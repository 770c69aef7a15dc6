// An in-memory BlobStore for tests, which can also be told to fail.
#pragma once

#include <map>
#include <mutex>
#include <stdexcept>

#include "chassis/blob/blob_store.hpp"

namespace hotel::blob::testing {

class MemoryBlobStore final : public BlobStore {
 public:
  void put(std::string_view key, std::string_view bytes, std::string_view content_type) override {
    if (!valid_key(key)) throw InvalidKey(key);
    std::lock_guard lock(mutex_);
    if (fail_puts_) throw std::runtime_error("blob store unavailable");
    blobs_[std::string(key)] = Blob{std::string(bytes), std::string(content_type)};
  }
  std::optional<Blob> get(std::string_view key) const override {
    std::lock_guard lock(mutex_);
    const auto it = blobs_.find(std::string(key));
    if (it == blobs_.end()) return std::nullopt;
    return it->second;
  }
  bool remove(std::string_view key) override {
    std::lock_guard lock(mutex_);
    return blobs_.erase(std::string(key)) > 0;
  }
  bool exists(std::string_view key) const override {
    std::lock_guard lock(mutex_);
    return blobs_.count(std::string(key)) > 0;
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return blobs_.size();
  }
  void fail_puts(bool fail) {
    std::lock_guard lock(mutex_);
    fail_puts_ = fail;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Blob> blobs_;
  bool fail_puts_ = false;
};

}  // namespace hotel::blob::testing
