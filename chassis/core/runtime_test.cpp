#include "chassis/core/runtime.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace hotel::core {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Like a subscription: an object with a timer on the first loop, kept alive by a coroutine
// suspended on an operation of another loop when the runtime goes away.
struct Owner {
  explicit Owner(asio::io_context& io, std::atomic<int>& destroyed) : timer(io), count(destroyed) {}
  ~Owner() { ++count; }
  asio::steady_timer timer;
  std::atomic<int>& count;
};

asio::awaitable<void> wait_an_hour(asio::io_context& loop) {
  asio::steady_timer timer(loop, 1h);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> hold(std::shared_ptr<Owner> /*kept alive by the frame*/,
                           asio::io_context& other) {
  co_await asio::co_spawn(other, wait_an_hour(other), asio::use_awaitable);
}

// Destroying the loops one by one used to destroy the suspended frame (and the owner's timer)
// after the first loop was gone: a use after free that AddressSanitizer reports here.
TEST(RuntimeTeardown, FramesSuspendedAcrossLoopsAreDestroyedBeforeAnyLoop) {
  std::atomic<int> destroyed{0};
  {
    Runtime runtime(2, 1);
    auto& first = runtime.io();
    runtime.next_io();
    auto& second = runtime.next_io();  // the loops in turn
    ASSERT_NE(&first, &second);
    asio::co_spawn(first, hold(std::make_shared<Owner>(first, destroyed), second), asio::detached);
    runtime.start();
    std::this_thread::sleep_for(50ms);
    runtime.stop();
    EXPECT_EQ(destroyed.load(), 0);  // still suspended
  }
  EXPECT_EQ(destroyed.load(), 1);
}

TEST(RuntimeTeardown, WorkOnTheWorkerPoolResumesTheCaller) {
  Runtime runtime(2, 2);
  runtime.start();
  std::atomic<int> result{0};
  std::atomic<bool> done{false};
  asio::co_spawn(
      runtime.io(),
      [&]() -> asio::awaitable<void> {
        result = co_await runtime.call([] { return 42; });
        done = true;
      },
      asio::detached);
  for (int i = 0; i < 500 && !done; ++i) std::this_thread::sleep_for(2ms);
  EXPECT_TRUE(done.load());
  EXPECT_EQ(result.load(), 42);
  runtime.stop();
}

}  // namespace
}  // namespace hotel::core
