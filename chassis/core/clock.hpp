// Injectable time source: production code asks a Clock, tests move a ManualClock.
#pragma once

#include <atomic>
#include <chrono>
#include <ctime>

namespace hotel::core {

// steady_clock as of the kernel's last tick (CLOCK_MONOTONIC_COARSE, the clock steady_clock
// reads, without the part since the tick): a few nanoseconds to read instead of ~20, and behind
// steady_clock::now() by at most one tick (1-4 ms). For I/O deadlines and pool expiry, where a
// wait that starts a tick early does no harm; not for measuring durations.
inline std::chrono::steady_clock::time_point coarse_steady_now() {
  timespec now{};
  if (clock_gettime(CLOCK_MONOTONIC_COARSE, &now) != 0) return std::chrono::steady_clock::now();
  return std::chrono::steady_clock::time_point(
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec)));
}

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time for timeouts, rate limits and breaker windows.
  virtual std::chrono::steady_clock::time_point steady_now() const = 0;
  // Wall-clock time for timestamps written to logs and events.
  virtual std::chrono::system_clock::time_point system_now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point system_now() const override {
    return std::chrono::system_clock::now();
  }
  // The process-wide real clock.
  static const Clock& instance() {
    static const SystemClock clock;
    return clock;
  }
};

// A clock that moves only when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(steady_ns_.load()));
  }
  std::chrono::system_clock::time_point system_now() const override {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(system_ns_.load())));
  }
  void advance(std::chrono::nanoseconds by) {
    steady_ns_ += by.count();
    system_ns_ += by.count();
  }

 private:
  std::atomic<long long> steady_ns_{1'000'000'000};
  std::atomic<long long> system_ns_{1'700'000'000'000'000'000};
};

}  // namespace hotel::core
