#include "chassis/core/runtime.hpp"

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace hotel::core {

namespace asio = boost::asio;

namespace {

// An io_context / thread_pool whose shutdown (destroying every handler and coroutine frame still
// queued) can run apart from its destruction.
class Loop : public asio::io_context {
 public:
  using asio::io_context::io_context;
  using asio::io_context::shutdown;
};

class WorkerPool : public asio::thread_pool {
 public:
  using asio::thread_pool::shutdown;
  using asio::thread_pool::thread_pool;
};

}  // namespace

struct Runtime::Impl {
  Impl(int io_threads, int worker_threads)
      : workers(static_cast<std::size_t>(std::max(1, worker_threads))) {
    for (int i = 0; i < std::max(1, io_threads); ++i) {
      // One thread runs the loop, and a socket of the loop is used by that thread only (the
      // rule in runtime.hpp): the reactor takes no lock per socket operation. Handlers posted
      // from other threads and timers stay locked.
      loops.push_back(std::make_unique<Loop>(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO));
      work.push_back(asio::make_work_guard(*loops.back()));
    }
  }

  // Shuts every context down before destroying any: a frame queued on one loop can own objects
  // of another (a coroutine awaiting an exchange on another loop's connection holds a timer or a
  // work guard of its own loop), and destroying it must not reach a loop already destroyed.
  ~Impl() {
    work.clear();
    for (auto& loop : loops) loop->shutdown();
    workers.shutdown();
  }

  std::vector<std::unique_ptr<Loop>> loops;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::atomic<std::size_t> next{0};
  WorkerPool workers;
  std::vector<std::thread> threads;
  std::mutex mutex;
  bool stopped = false;
};

Runtime::Runtime(int io_threads, int worker_threads)
    : impl_(std::make_unique<Impl>(io_threads, worker_threads)) {}

Runtime::~Runtime() { stop(); }

asio::io_context& Runtime::io() { return *impl_->loops.front(); }

asio::io_context& Runtime::next_io() {
  return *impl_->loops[impl_->next.fetch_add(1, std::memory_order_relaxed) % impl_->loops.size()];
}

std::size_t Runtime::io_count() const { return impl_->loops.size(); }

asio::io_context& Runtime::io_at(std::size_t index) { return *impl_->loops.at(index); }

void Runtime::start() {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->threads.empty() || impl_->stopped) return;
  for (auto& loop : impl_->loops) {
    impl_->threads.emplace_back([&loop] { loop->run(); });
  }
}

void Runtime::stop() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopped = true;
    for (auto& guard : impl_->work) guard.reset();
    for (auto& loop : impl_->loops) loop->stop();
    threads.swap(impl_->threads);
  }
  for (auto& thread : threads) {
    if (thread.get_id() != std::this_thread::get_id())
      thread.join();
    else
      thread.detach();
  }
  impl_->workers.stop();
  impl_->workers.join();
}

void Runtime::join() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(impl_->mutex);
    threads.swap(impl_->threads);
  }
  for (auto& thread : threads) thread.join();
}

asio::awaitable<void> Runtime::run_blocking(std::function<void()> work) {
  // co_spawn runs the work on a pool thread; its completion resumes this coroutine on the
  // caller's executor. The caller's frame outlives the work because co_spawn completes only
  // after the spawned coroutine has finished.
  co_await asio::co_spawn(
      impl_->workers,
      [&work]() -> asio::awaitable<void> {
        work();
        co_return;
      },
      asio::use_awaitable);
}

}  // namespace hotel::core
