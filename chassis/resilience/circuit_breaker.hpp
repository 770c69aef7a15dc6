// Circuit breaker: stops calling an upstream that keeps failing, lets a few trial calls through
// after a cool-down, and closes again when they succeed. Pure logic; the caller classifies
// outcomes (timeout, connect error and 5xx are failures, see counts_as_failure).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "chassis/core/clock.hpp"

namespace hotel::resilience {

enum class BreakerState { kClosed, kOpen, kHalfOpen };

std::string_view state_name(BreakerState state);

// True for responses that should count against an upstream's health (5xx).
bool counts_as_failure(int status);

struct BreakerOptions {
  // Trips after this many failures in a row. 0 disables the rule.
  int consecutive_failures = 5;
  // Trips when the failures among the last `window_calls` calls reach `failure_ratio`, once at
  // least `min_calls` are in the window. A ratio of 0 disables the rule.
  double failure_ratio = 0.5;
  std::size_t window_calls = 20;
  std::size_t min_calls = 10;
  // How long an open breaker rejects calls before letting trial calls through.
  std::chrono::milliseconds open_duration{5'000};
  // Trial calls in flight at once while half-open.
  int half_open_max_calls = 1;
  // Successful trial calls needed to close again.
  int successes_to_close = 1;
};

struct BreakerStats {
  std::uint64_t opened = 0;       // transitions to open
  std::uint64_t half_opened = 0;  // transitions to half-open
  std::uint64_t closed = 0;       // transitions back to closed
  std::uint64_t rejected = 0;     // calls refused by try_acquire
};

class CircuitBreaker {
 public:
  // Called after each state change, outside the breaker's lock, possibly from any thread.
  using Listener = std::function<void(BreakerState from, BreakerState to)>;

 private:
  enum class Outcome { kSuccess, kFailure, kAbandoned };

 public:
  // Leave to a call that try_acquire let through. Record exactly one outcome; a permit dropped
  // without an outcome only frees its trial slot. Outcomes of calls let through before the
  // latest state change are ignored. The breaker must outlive its permits.
  class Permit {
   public:
    Permit(Permit&& other) noexcept;
    Permit& operator=(Permit&& other) noexcept;
    Permit(const Permit&) = delete;
    ~Permit();
    void record_success();
    void record_failure();

   private:
    friend class CircuitBreaker;
    Permit(CircuitBreaker* breaker, std::uint64_t generation)
        : breaker_(breaker), generation_(generation) {}
    void finish(Outcome outcome);
    CircuitBreaker* breaker_;
    std::uint64_t generation_;
  };

  explicit CircuitBreaker(BreakerOptions options = {},
                          const core::Clock& clock = core::SystemClock::instance(),
                          Listener listener = {});
  CircuitBreaker(const CircuitBreaker&) = delete;
  CircuitBreaker& operator=(const CircuitBreaker&) = delete;

  // A permit when a call may go out now; nullopt when the breaker rejects it.
  std::optional<Permit> try_acquire();
  BreakerState state() const;
  // Time until an open breaker lets trial calls through; zero when it is not open.
  std::chrono::milliseconds retry_after() const;
  BreakerStats stats() const;

 private:
  struct Change {
    BreakerState from;
    BreakerState to;
  };

  void finish(std::uint64_t generation, Outcome outcome);
  // The helpers below expect the lock held; a returned Change goes to notify() after unlocking.
  BreakerState effective_state_locked() const;
  Change move_to_locked(BreakerState to);
  void record_in_window_locked(bool failed);
  bool should_trip_locked() const;
  void notify(std::optional<Change> change) const;

  const BreakerOptions options_;
  const core::Clock& clock_;
  const Listener listener_;

  // The generation while closed, kNotClosed otherwise; written under the lock with every state
  // change, read without it: a closed breaker lets a call through with no lock taken and
  // nothing written (a state change after the read makes that call's outcome one of an older
  // generation, ignored as for any call let through before a change).
  static constexpr std::uint64_t kNotClosed = ~std::uint64_t{0};
  std::atomic<std::uint64_t> closed_generation_{0};
  mutable std::mutex mutex_;
  // An open breaker whose cool-down ended reads as half-open; try_acquire makes it so.
  BreakerState state_ = BreakerState::kClosed;
  std::uint64_t generation_ = 0;  // bumped on every state change
  std::chrono::steady_clock::time_point open_until_{};
  int consecutive_failures_ = 0;
  std::vector<bool> window_;  // ring of the last calls' outcomes, true = failure
  std::size_t window_next_ = 0;
  std::size_t window_size_ = 0;
  std::size_t window_failures_ = 0;
  int trials_in_flight_ = 0;
  int trial_successes_ = 0;
  BreakerStats stats_;
};

}  // namespace hotel::resilience
