#include "services/identity/periodic_task.hpp"

#include <atomic>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/observe/logger.hpp"

namespace hotel::identity {

namespace asio = boost::asio;

struct PeriodicTask::State : std::enable_shared_from_this<State> {
  State(core::Runtime& runtime, const observe::Logger& logger, std::string name,
        std::chrono::milliseconds interval, std::function<void()> work)
      : runtime(runtime),
        logger(logger),
        name(std::move(name)),
        interval(interval),
        work(std::move(work)),
        timer(runtime.io()) {}

  core::Runtime& runtime;
  const observe::Logger& logger;
  std::string name;
  std::chrono::milliseconds interval;
  std::function<void()> work;
  asio::steady_timer timer;  // used on the io() loop only
  std::atomic<bool> stopping{false};

  static asio::awaitable<void> loop(std::shared_ptr<State> self) {
    while (!self->stopping.load()) {
      self->timer.expires_after(self->interval);
      boost::system::error_code ec;
      co_await self->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (self->stopping.load()) break;
      try {
        co_await self->runtime.run_blocking(self->work);
      } catch (const std::exception& error) {
        self->logger.error("periodic task failed", {{"task", self->name}, {"error", error.what()}});
      }
    }
  }
};

PeriodicTask::PeriodicTask(core::Runtime& runtime, const observe::Logger& logger, std::string name,
                           std::chrono::milliseconds interval, std::function<void()> work)
    : state_(std::make_shared<State>(runtime, logger, std::move(name), interval, std::move(work))) {
}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start() {
  asio::co_spawn(state_->runtime.io(), State::loop(state_), asio::detached);
}

void PeriodicTask::stop() {
  state_->stopping.store(true);
  asio::post(state_->runtime.io(), [state = state_] { state->timer.cancel(); });
}

}  // namespace hotel::identity
