// Sign-in throttling with lockouts that expire, for one key (an account or a client address).
//
// The attempts that count against a key are kept as times. A key is locked when its newest
// `max_failures` attempts fall within `window` of each other, until the newest of them plus
// `lockout`. While locked no attempt is made (so none is recorded), and the lock simply runs out.
// An attempt is recorded *before* the password is checked and forgiven when it succeeds, so that
// concurrent guesses cannot slip past the limit while the slow hash runs.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "services/identity/domain/user.hpp"

namespace hotel::identity::domain {

struct ThrottleRule {
  int max_failures = 5;
  std::chrono::seconds window = std::chrono::minutes(15);
  std::chrono::seconds lockout = std::chrono::minutes(15);
};

struct ThrottleRules {
  ThrottleRule account{};                    // per e-mail address, whether or not a user has it
  ThrottleRule address{.max_failures = 20};  // per client address, across accounts
};

class AttemptLog {
 public:
  AttemptLog() = default;
  explicit AttemptLog(std::vector<TimePoint> attempts);

  // How long the key stays locked after `now` (whole seconds, at least 1), or nullopt when open.
  std::optional<std::chrono::seconds> locked_for(const ThrottleRule& rule, TimePoint now) const;
  // Counts an attempt at `at`, dropping attempts that can no longer lock the key.
  void record(const ThrottleRule& rule, TimePoint at);
  // Takes back one attempt recorded at `at` (it succeeded); false when there is none.
  bool forgive(TimePoint at);
  void clear() { attempts_.clear(); }

  // Oldest first.
  const std::vector<TimePoint>& attempts() const { return attempts_; }
  bool empty() const { return attempts_.empty(); }

 private:
  std::vector<TimePoint> attempts_;
};

}  // namespace hotel::identity::domain
