#include "chassis/resilience/circuit_breaker.hpp"

#include <algorithm>
#include <utility>

namespace hotel::resilience {

std::string_view state_name(BreakerState state) {
  switch (state) {
    case BreakerState::kClosed:
      return "closed";
    case BreakerState::kOpen:
      return "open";
    case BreakerState::kHalfOpen:
      return "half_open";
  }
  return "unknown";
}

bool counts_as_failure(int status) { return status >= 500 && status <= 599; }

CircuitBreaker::Permit::Permit(Permit&& other) noexcept
    : breaker_(std::exchange(other.breaker_, nullptr)), generation_(other.generation_) {}

CircuitBreaker::Permit& CircuitBreaker::Permit::operator=(Permit&& other) noexcept {
  if (this != &other) {
    finish(Outcome::kAbandoned);
    breaker_ = std::exchange(other.breaker_, nullptr);
    generation_ = other.generation_;
  }
  return *this;
}

CircuitBreaker::Permit::~Permit() { finish(Outcome::kAbandoned); }

void CircuitBreaker::Permit::record_success() { finish(Outcome::kSuccess); }

void CircuitBreaker::Permit::record_failure() { finish(Outcome::kFailure); }

void CircuitBreaker::Permit::finish(Outcome outcome) {
  if (breaker_ != nullptr) std::exchange(breaker_, nullptr)->finish(generation_, outcome);
}

CircuitBreaker::CircuitBreaker(BreakerOptions options, const core::Clock& clock, Listener listener)
    : options_(options), clock_(clock), listener_(std::move(listener)) {
  window_.assign(std::max<std::size_t>(options_.window_calls, 1), false);
}

std::optional<CircuitBreaker::Permit> CircuitBreaker::try_acquire() {
  if (const std::uint64_t generation = closed_generation_.load(std::memory_order_acquire);
      generation != kNotClosed) {
    return Permit(this, generation);
  }
  std::optional<Change> change;
  std::optional<Permit> permit;
  {
    std::lock_guard lock(mutex_);
    if (state_ == BreakerState::kOpen && effective_state_locked() == BreakerState::kHalfOpen) {
      change = move_to_locked(BreakerState::kHalfOpen);
    }
    if (state_ == BreakerState::kClosed) {
      permit.emplace(Permit(this, generation_));
    } else if (state_ == BreakerState::kHalfOpen &&
               trials_in_flight_ < std::max(options_.half_open_max_calls, 1)) {
      ++trials_in_flight_;
      permit.emplace(Permit(this, generation_));
    } else {
      ++stats_.rejected;
    }
  }
  notify(change);
  return permit;
}

BreakerState CircuitBreaker::state() const {
  std::lock_guard lock(mutex_);
  return effective_state_locked();
}

std::chrono::milliseconds CircuitBreaker::retry_after() const {
  std::lock_guard lock(mutex_);
  if (effective_state_locked() != BreakerState::kOpen) return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(open_until_ - clock_.steady_now());
}

BreakerStats CircuitBreaker::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void CircuitBreaker::finish(std::uint64_t generation, Outcome outcome) {
  std::optional<Change> change;
  {
    std::lock_guard lock(mutex_);
    if (generation != generation_) return;  // let through before the latest state change
    if (state_ == BreakerState::kHalfOpen) {
      --trials_in_flight_;
      if (outcome == Outcome::kFailure) {
        change = move_to_locked(BreakerState::kOpen);
      } else if (outcome == Outcome::kSuccess &&
                 ++trial_successes_ >= std::max(options_.successes_to_close, 1)) {
        change = move_to_locked(BreakerState::kClosed);
      }
    } else if (state_ == BreakerState::kClosed && outcome != Outcome::kAbandoned) {
      const bool failed = outcome == Outcome::kFailure;
      consecutive_failures_ = failed ? consecutive_failures_ + 1 : 0;
      record_in_window_locked(failed);
      if (should_trip_locked()) change = move_to_locked(BreakerState::kOpen);
    }
  }
  notify(change);
}

BreakerState CircuitBreaker::effective_state_locked() const {
  if (state_ == BreakerState::kOpen && clock_.steady_now() >= open_until_) {
    return BreakerState::kHalfOpen;
  }
  return state_;
}

CircuitBreaker::Change CircuitBreaker::move_to_locked(BreakerState to) {
  const Change change{state_, to};
  state_ = to;
  ++generation_;
  closed_generation_.store(to == BreakerState::kClosed ? generation_ : kNotClosed,
                           std::memory_order_release);
  trials_in_flight_ = 0;
  trial_successes_ = 0;
  consecutive_failures_ = 0;
  std::fill(window_.begin(), window_.end(), false);
  window_next_ = window_size_ = window_failures_ = 0;
  switch (to) {
    case BreakerState::kOpen:
      open_until_ = clock_.steady_now() + options_.open_duration;
      ++stats_.opened;
      break;
    case BreakerState::kHalfOpen:
      ++stats_.half_opened;
      break;
    case BreakerState::kClosed:
      ++stats_.closed;
      break;
  }
  return change;
}

void CircuitBreaker::record_in_window_locked(bool failed) {
  if (window_size_ == window_.size()) {
    if (window_[window_next_]) --window_failures_;
  } else {
    ++window_size_;
  }
  window_[window_next_] = failed;
  if (failed) ++window_failures_;
  window_next_ = (window_next_ + 1) % window_.size();
}

bool CircuitBreaker::should_trip_locked() const {
  if (options_.consecutive_failures > 0 && consecutive_failures_ >= options_.consecutive_failures) {
    return true;
  }
  return options_.failure_ratio > 0 &&
         window_size_ >= std::clamp<std::size_t>(options_.min_calls, 1, window_.size()) &&
         static_cast<double>(window_failures_) >=
             options_.failure_ratio * static_cast<double>(window_size_);
}

void CircuitBreaker::notify(std::optional<Change> change) const {
  if (change && listener_) listener_(change->from, change->to);
}

}  // namespace hotel::resilience
