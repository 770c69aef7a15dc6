#include "chassis/events/notifier.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

namespace hotel::events {
namespace {

namespace asio = boost::asio;
using std::chrono::steady_clock;

class NotifierTest : public ::testing::Test {
 protected:
  // Runs wait_for_change on a private io_context thread; returns its answer.
  std::optional<bool> wait(std::uint64_t seen, std::chrono::milliseconds bound) {
    std::optional<bool> result;
    asio::co_spawn(
        io_,
        [&]() -> asio::awaitable<void> {
          result = co_await notifier_.wait_for_change(seen, steady_clock::now() + bound);
        },
        asio::detached);
    io_.run();
    io_.restart();
    return result;
  }

  // Runs `action` on another thread as soon as a waiter is parked.
  std::jthread once_parked(std::function<void()> action) {
    return std::jthread([this, action = std::move(action)] {
      while (notifier_.waiting() == 0) std::this_thread::yield();
      action();
    });
  }

  asio::io_context io_;
  AppendNotifier notifier_;
};

TEST_F(NotifierTest, ReturnsAtOnceWhenTheGenerationAlreadyMoved) {
  const auto seen = notifier_.generation();
  notifier_.notify();  // an append between "read found nothing" and "start waiting"
  EXPECT_EQ(wait(seen, std::chrono::hours(1)), true);
}

TEST_F(NotifierTest, TimesOutWithoutANotify) {
  EXPECT_EQ(wait(notifier_.generation(), std::chrono::milliseconds(10)), false);
  EXPECT_EQ(notifier_.waiting(), 0u);
}

TEST_F(NotifierTest, NotifyFromAnotherThreadWakesAParkedWaiter) {
  const auto seen = notifier_.generation();
  auto notifier_thread = once_parked([&] { notifier_.notify(); });
  EXPECT_EQ(wait(seen, std::chrono::hours(1)), true);
}

TEST_F(NotifierTest, CloseWakesWaitersAndLaterWaitsReturnAtOnce) {
  const auto seen = notifier_.generation();
  auto closer = once_parked([&] { notifier_.close(); });
  EXPECT_EQ(wait(seen, std::chrono::hours(1)), true);
  EXPECT_EQ(wait(notifier_.generation(), std::chrono::hours(1)), true);
}

}  // namespace
}  // namespace hotel::events
