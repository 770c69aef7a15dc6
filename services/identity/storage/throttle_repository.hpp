// Sign-in attempt logs per throttle key ("account:<email>", "address:<ip>").
#pragma once

#include <string_view>

#include "services/identity/domain/throttle.hpp"

namespace hotel::identity::storage {

class ThrottleRepository {
 public:
  virtual ~ThrottleRepository() = default;

  // An empty log when the key has none.
  virtual domain::AttemptLog load(std::string_view key) = 0;
  // Stores the log; an empty log deletes the key.
  virtual void save(std::string_view key, const domain::AttemptLog& log) = 0;
  // Deletes keys whose newest attempt is older than `before`; returns how many.
  virtual int purge(domain::TimePoint before) = 0;
};

}  // namespace hotel::identity::storage
