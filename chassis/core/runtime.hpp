// The process' threads: N I/O threads, each running its own io_context (one event loop per
// thread, as nginx runs one per worker: no cross-thread hand-offs on the hot path), and a worker
// pool for blocking work (SQLite, password hashing, libcurl) that coroutines await instead of
// blocking an I/O thread.
// The rule that comes with it: a socket of a loop is opened, used and closed by that loop's
// thread only (the loops' reactors take no lock per socket operation). Posting to a loop and
// timers may be used from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include <boost/asio/awaitable.hpp>

namespace boost::asio {
class io_context;
}

namespace hotel::core {

class Runtime {
 public:
  Runtime(int io_threads, int worker_threads);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // The first loop: acceptors, signals, timers and background loops.
  boost::asio::io_context& io();
  // The loops in turn, to spread connections over the I/O threads. Whatever runs on one of them
  // runs on one thread, so it needs no strand.
  boost::asio::io_context& next_io();
  // Every loop, by index (0 is io()): for state kept per loop and touched by its thread only.
  std::size_t io_count() const;
  boost::asio::io_context& io_at(std::size_t index);

  // Starts the I/O threads; returns at once.
  void start();
  // Stops the io_context and joins every thread. Idempotent.
  void stop();
  // Blocks until the I/O threads end (after stop(), or when the io_context runs out of work).
  void join();

  // Runs `work` on the worker pool and resumes the caller on its own executor.
  // Exceptions thrown by `work` are rethrown in the caller.
  boost::asio::awaitable<void> run_blocking(std::function<void()> work);

  // Typed convenience: co_await runtime.call([&] { return repo.find(id); });
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> call(F f) {
    using R = std::invoke_result_t<F>;
    if constexpr (std::is_void_v<R>) {
      co_await run_blocking(std::move(f));
    } else {
      std::optional<R> result;
      co_await run_blocking([&] { result.emplace(f()); });
      co_return std::move(*result);
    }
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotel::core
