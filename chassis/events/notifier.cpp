#include "chassis/events/notifier.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

#include <boost/asio/async_result.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace hotel::events {

namespace asio = boost::asio;

// Every access to a parked timer (its async_wait and the cancel that wakes it) happens under
// `mutex`, so a timer is never touched from two threads at once, and a notify() cannot slip in
// between "generation unchanged" and "timer armed": both happen in one critical section.
struct AppendNotifier::Impl {
  mutable std::mutex mutex;
  std::uint64_t generation = 0;
  bool closed = false;
  std::vector<asio::steady_timer*> parked;

  bool changed(std::uint64_t seen) const { return closed || generation != seen; }

  void wake_all() {
    for (auto* timer : parked) timer->cancel();
    parked.clear();
  }
};

AppendNotifier::AppendNotifier() : impl_(std::make_unique<Impl>()) {}
AppendNotifier::~AppendNotifier() = default;

std::uint64_t AppendNotifier::generation() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->generation;
}

void AppendNotifier::notify() {
  std::lock_guard lock(impl_->mutex);
  ++impl_->generation;
  impl_->wake_all();
}

void AppendNotifier::close() {
  std::lock_guard lock(impl_->mutex);
  impl_->closed = true;
  impl_->wake_all();
}

bool AppendNotifier::closed() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->closed;
}

std::size_t AppendNotifier::waiting() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->parked.size();
}

asio::awaitable<bool> AppendNotifier::wait_for_change(
    std::uint64_t seen, std::chrono::steady_clock::time_point deadline) {
  Impl& impl = *impl_;
  asio::steady_timer timer(co_await asio::this_coro::executor, deadline);
  // Unparks the timer however this coroutine ends (woken, timed out, or destroyed).
  struct Unpark {
    Impl& impl;
    asio::steady_timer* timer;
    ~Unpark() {
      std::lock_guard lock(impl.mutex);
      std::erase(impl.parked, timer);
    }
  } unpark{impl, &timer};

  boost::system::error_code ignored;  // aborted (woken) or not: the generation tells
  auto token = asio::redirect_error(asio::use_awaitable, ignored);
  co_await asio::async_initiate<decltype(token), void(boost::system::error_code)>(
      [&](auto handler) {
        std::lock_guard lock(impl.mutex);
        // Already changed: complete at once through the timer, on the coroutine's executor.
        if (impl.changed(seen)) timer.expires_at(std::chrono::steady_clock::time_point::min());
        timer.async_wait(std::move(handler));
        if (!impl.changed(seen)) impl.parked.push_back(&timer);
      },
      token);

  bool woken = false;
  {
    std::lock_guard lock(impl.mutex);
    woken = impl.changed(seen);
  }
  co_return woken;
}

}  // namespace hotel::events
