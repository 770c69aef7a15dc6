#include "chassis/resilience/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace hotel::resilience {

Decision BucketLevel::try_take(const BucketLimits& limits,
                               std::chrono::steady_clock::time_point now, double cost) {
  const double rate = std::max(limits.rate_per_second, 1e-9);
  if (now > updated) {
    const double elapsed_s = std::chrono::duration<double>(now - updated).count();
    tokens = std::min(limits.burst, tokens + elapsed_s * rate);
    updated = now;
  }
  if (cost <= tokens) {
    tokens -= cost;
    return Decision{true, std::chrono::milliseconds(0)};
  }
  const double wait_ms = std::ceil((cost - tokens) / rate * 1000.0);
  return Decision{
      false, std::chrono::milliseconds(static_cast<std::int64_t>(std::clamp(wait_ms, 1.0, 1e12)))};
}

TokenBucket::TokenBucket(BucketLimits limits, const core::Clock& clock)
    : limits_(limits), clock_(clock), level_{limits.burst, clock.steady_now()} {}

Decision TokenBucket::try_take(double cost) {
  std::lock_guard lock(mutex_);
  return level_.try_take(limits_, clock_.steady_now(), cost);
}

RateLimiter::RateLimiter(RateLimiterOptions options, const core::Clock& clock)
    : options_(options), clock_(clock) {}

Decision RateLimiter::try_take(std::string_view key, double cost) {
  const auto now = clock_.steady_now();
  std::lock_guard lock(mutex_);
  if (auto found = index_.find(key); found != index_.end()) {
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->level.try_take(options_.limits, now, cost);
  }
  if (recent_.size() >= std::max<std::size_t>(options_.max_keys, 1)) {
    index_.erase(recent_.back().key);
    recent_.pop_back();
  }
  recent_.push_front(Entry{std::string(key), BucketLevel{options_.limits.burst, now}});
  index_.emplace(recent_.front().key, recent_.begin());
  return recent_.front().level.try_take(options_.limits, now, cost);
}

std::size_t RateLimiter::keys() const {
  std::lock_guard lock(mutex_);
  return recent_.size();
}

}  // namespace hotel::resilience
