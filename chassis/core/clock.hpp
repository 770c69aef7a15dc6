// Injectable time source: production code asks a Clock, tests move a ManualClock.
#pragma once

#include <atomic>
#include <chrono>
#include <ctime>

namespace hotel::core {

// `Std` (a std::chrono clock) as of the kernel's last tick, read from the coarse variant of the
// kernel clock it reads (`coarse_id`).
template <class Std>
typename Std::time_point coarse_now(clockid_t coarse_id) {
  timespec now{};
  if (clock_gettime(coarse_id, &now) != 0) return Std::now();
  return typename Std::time_point(std::chrono::duration_cast<typename Std::duration>(
      std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec)));
}

// steady_clock as of the kernel's last tick (CLOCK_MONOTONIC_COARSE, the clock steady_clock
// reads, without the part since the tick): a few nanoseconds to read instead of ~20, and behind
// steady_clock::now() by at most one tick (1-4 ms). For I/O deadlines and pool expiry, where a
// wait that starts a tick early does no harm; not for measuring durations.
inline std::chrono::steady_clock::time_point coarse_steady_now() {
  return coarse_now<std::chrono::steady_clock>(CLOCK_MONOTONIC_COARSE);
}

// system_clock as of the kernel's last tick (CLOCK_REALTIME_COARSE), as coarse_steady_now is
// for steady_clock.
inline std::chrono::system_clock::time_point coarse_system_now() {
  return coarse_now<std::chrono::system_clock>(CLOCK_REALTIME_COARSE);
}

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time for timeouts, rate limits and breaker windows.
  virtual std::chrono::steady_clock::time_point steady_now() const = 0;
  // Wall-clock time for timestamps written to logs and events.
  virtual std::chrono::system_clock::time_point system_now() const = 0;
  // The same, up to one tick (1-4 ms) behind where the real clocks are read, for what is
  // counted in seconds and asked on every request (retry budget slices, a remembered token's
  // expiry): a few nanoseconds instead of ~20. A test clock gives its own time.
  virtual std::chrono::steady_clock::time_point coarse_steady_now() const { return steady_now(); }
  virtual std::chrono::system_clock::time_point coarse_system_now() const { return system_now(); }
};

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point system_now() const override {
    return std::chrono::system_clock::now();
  }
  std::chrono::steady_clock::time_point coarse_steady_now() const override {
    return core::coarse_steady_now();
  }
  std::chrono::system_clock::time_point coarse_system_now() const override {
    return core::coarse_system_now();
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
