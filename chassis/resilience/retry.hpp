// When and how soon to retry: full-jitter exponential backoff, a retry budget that caps retries
// to a share of the traffic (so retries cannot multiply an outage), and which methods are safe
// to send twice.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/core/random.hpp"
#include "chassis/http/message.hpp"

namespace hotel::resilience {

struct RetryPolicy {
  int max_attempts = 3;  // the first call included
  std::chrono::milliseconds base_delay{50};
  std::chrono::milliseconds max_delay{1'000};

  // Full jitter: uniform in [0, min(max_delay, base_delay * 2^retry)), where `retry` is the
  // 0-based number of the retry about to be made.
  std::chrono::milliseconds delay(int retry, core::Random& random) const;
};

// True when a request may be sent again: safe and idempotent methods always, POST and PATCH
// only when the caller made them idempotent with an Idempotency-Key.
bool may_retry(http::Method method, bool has_idempotency_key);

struct RetryBudgetOptions {
  double retry_ratio = 0.2;            // retries allowed per request seen in the window
  double min_retries_per_second = 10;  // allowed even with little traffic
  std::chrono::milliseconds window{10'000};
};

// Retries allowed in the last `window`: min_retries_per_second * window + retry_ratio * requests.
// Thread-safe.
class RetryBudget {
 public:
  explicit RetryBudget(RetryBudgetOptions options = {},
                       const core::Clock& clock = core::SystemClock::instance());

  // Once per original request (not per retry).
  void record_request();
  // True, and counts the retry, when the budget allows one more.
  bool try_spend_retry();

 private:
  static constexpr int kSlices = 10;
  struct Slice {
    std::int64_t index = -1;  // which slice of time the counts belong to
    std::uint64_t requests = 0;
    std::uint64_t retries = 0;
  };
  // The slice for now, emptied first when it held an older slice of time.
  Slice& current_locked();

  const RetryBudgetOptions options_;
  const core::Clock& clock_;
  const std::chrono::steady_clock::time_point origin_;
  const std::chrono::nanoseconds slice_length_;
  std::mutex mutex_;
  std::vector<Slice> slices_;
};

}  // namespace hotel::resilience
