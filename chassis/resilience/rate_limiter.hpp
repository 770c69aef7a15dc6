// Token-bucket rate limiting: one bucket (TokenBucket), or one bucket per key such as a user id
// or a client address (RateLimiter), with a bounded number of keys so that a caller inventing
// keys cannot grow memory without bound. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "chassis/core/clock.hpp"

namespace hotel::resilience {

struct BucketLimits {
  double rate_per_second = 10;  // refill rate
  double burst = 20;            // capacity; a full bucket allows this many at once
};

struct Decision {
  bool allowed = false;
  // When refused: how long until the cost would be allowed (for Retry-After). Zero when allowed.
  std::chrono::milliseconds retry_after{0};
};

// The tokens of one bucket at a point in time: the arithmetic shared by both limiters.
struct BucketLevel {
  double tokens;
  std::chrono::steady_clock::time_point updated;

  // Refills up to now, then takes `cost` when enough tokens are there. A cost above the burst
  // is never allowed.
  Decision try_take(const BucketLimits& limits, std::chrono::steady_clock::time_point now,
                    double cost);
};

class TokenBucket {
 public:
  explicit TokenBucket(BucketLimits limits,
                       const core::Clock& clock = core::SystemClock::instance());
  Decision try_take(double cost = 1);

 private:
  const BucketLimits limits_;
  const core::Clock& clock_;
  std::mutex mutex_;
  BucketLevel level_;
};

struct RateLimiterOptions {
  BucketLimits limits;
  // Buckets kept at most; the least recently used key is forgotten first (it starts full when
  // it comes back).
  std::size_t max_keys = 100'000;
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimiterOptions options,
                       const core::Clock& clock = core::SystemClock::instance());
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  Decision try_take(std::string_view key, double cost = 1);
  std::size_t keys() const;

 private:
  struct Entry {
    std::string key;
    BucketLevel level;
  };

  const RateLimiterOptions options_;
  const core::Clock& clock_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  // Keys view the strings owned by `recent_`, whose nodes never move.
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

}  // namespace hotel::resilience
