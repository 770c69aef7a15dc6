// The signing key ring's bookkeeping (ids and dates; the PEMs live in the secrets store).
#pragma once

#include <string_view>
#include <vector>

#include "services/identity/domain/key_ring.hpp"

namespace hotel::identity::storage {

class KeyRepository {
 public:
  virtual ~KeyRepository() = default;

  virtual std::vector<domain::SigningKey> list() = 0;
  virtual void insert(const domain::SigningKey& key) = 0;
  virtual void retire(std::string_view kid, domain::TimePoint at) = 0;
  virtual void remove(std::string_view kid) = 0;
};

}  // namespace hotel::identity::storage
