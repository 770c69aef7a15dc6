// Secrets port: named secret values (signing keys, client secrets). File/env now, AWS Secrets
// Manager later behind the same interface.
#pragma once

#include <optional>
#include <string>

namespace hotel::secrets {

class SecretsProvider {
 public:
  virtual ~SecretsProvider() = default;
  // The secret's value, or nullopt when it does not exist.
  virtual std::optional<std::string> get(const std::string& name) const = 0;
  // Stores a secret (e.g. a key generated on first start). Throws when the store is read-only.
  virtual void put(const std::string& name, const std::string& value) = 0;
};

}  // namespace hotel::secrets
