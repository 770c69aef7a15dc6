// In-memory SecretsProvider for tests: starts with the given secrets, can be made read-only.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "chassis/secrets/secrets_provider.hpp"

namespace hotel::secrets::testing {

class MemorySecrets final : public SecretsProvider {
 public:
  MemorySecrets() = default;
  explicit MemorySecrets(std::map<std::string, std::string> initial)
      : values_(std::move(initial)) {}

  std::optional<std::string> get(const std::string& name) const override {
    std::lock_guard lock(mutex_);
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }

  void put(const std::string& name, const std::string& value) override {
    std::lock_guard lock(mutex_);
    if (read_only_) throw std::runtime_error("secrets store is read-only");
    values_[name] = value;
    ++puts_;
  }

  void set_read_only(bool read_only) {
    std::lock_guard lock(mutex_);
    read_only_ = read_only;
  }
  int puts() const {
    std::lock_guard lock(mutex_);
    return puts_;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> values_;
  bool read_only_ = false;
  int puts_ = 0;
};

}  // namespace hotel::secrets::testing
