// Wakes coroutines parked on "something was appended". A waiter records generation() BEFORE it
// looks for new data; if it finds none it calls wait_for_change with that generation, which
// returns at once when a notify() happened in between (no lost wake-up), else parks on a timer
// until the deadline or the next notify(). Asio stays in notifier.cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include <boost/asio/awaitable.hpp>

namespace hotel::events {

class AppendNotifier {
 public:
  AppendNotifier();
  ~AppendNotifier();
  AppendNotifier(const AppendNotifier&) = delete;
  AppendNotifier& operator=(const AppendNotifier&) = delete;

  std::uint64_t generation() const;
  // From any thread: bumps the generation and wakes every parked waiter.
  void notify();
  // Wakes every waiter and makes later waits return at once (shutdown: long-polls answer now).
  void close();
  bool closed() const;

  // Returns true when the generation moved past `seen` (or the notifier closed), false when the
  // deadline passed first.
  boost::asio::awaitable<bool> wait_for_change(std::uint64_t seen,
                                               std::chrono::steady_clock::time_point deadline);

  std::size_t waiting() const;  // parked waiters, for tests and metrics

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotel::events
