// Test support: a JWKS source that counts fetches, can be slow (a timer on the caller's executor)
// and can fail.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>

#include "chassis/auth/jwks.hpp"

namespace hotel::auth::testing {

class CountingJwksSource final : public JwksSource {
 public:
  explicit CountingJwksSource(Jwks jwks) : jwks_(std::move(jwks)) {}

  void set(Jwks jwks);
  void set_failing(bool failing) { failing_ = failing; }
  void set_delay(std::chrono::milliseconds delay) { delay_ms_ = delay.count(); }
  std::size_t fetches() const { return fetches_.load(); }

  // Counts, waits the delay, then throws std::runtime_error when failing or returns the keys.
  http::Task<Jwks> fetch() override;

 private:
  std::mutex mutex_;
  Jwks jwks_;
  std::atomic<bool> failing_{false};
  std::atomic<long long> delay_ms_{0};
  std::atomic<std::size_t> fetches_{0};
};

}  // namespace hotel::auth::testing
