#include "chassis/auth/issuer_keys.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <vector>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "chassis/auth/auth_error.hpp"
#include "chassis/core/clock.hpp"

namespace hotel::auth {

namespace asio = boost::asio;

namespace {

// One fetch in progress, awaited by every caller that needs its result. The waiters may run on
// different executors (threads); each is resumed on its own.
class Flight {
 public:
  asio::awaitable<void> wait() {
    co_await asio::async_initiate<const asio::use_awaitable_t<>&, void()>(
        [this](auto handler) {
          Waiter waiter{asio::get_associated_executor(handler), std::move(handler)};
          std::unique_lock lock(mutex_);
          if (!done_) {
            waiters_.push_back(std::move(waiter));
            return;
          }
          lock.unlock();
          resume(std::move(waiter));
        },
        asio::use_awaitable);
  }

  void finish(std::string error) {
    std::vector<Waiter> waiting;
    {
      std::lock_guard lock(mutex_);
      done_ = true;
      error_ = std::move(error);
      waiting.swap(waiters_);
    }
    for (auto& waiter : waiting) resume(std::move(waiter));
  }

  // Empty when the fetch succeeded. Read after wait().
  std::string error() const {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  struct Waiter {
    asio::any_io_executor executor;
    asio::any_completion_handler<void()> handler;
  };

  // Never inline: the waiter continues on its own executor.
  static void resume(Waiter waiter) {
    asio::post(waiter.executor,
               [handler = std::move(waiter.handler)]() mutable { std::move(handler)(); });
  }

  mutable std::mutex mutex_;
  bool done_ = false;
  std::string error_;
  std::vector<Waiter> waiters_;
};

}  // namespace

struct IssuerKeys::State {
  State(std::shared_ptr<JwksSource> s, const core::Clock& c, KeyRefreshPolicy p)
      : source(std::move(s)), clock(c), policy(p) {}

  // Under `mutex`.
  const RsaPublicKey* find(std::string_view kid) const { return jwks ? jwks->find(kid) : nullptr; }
  // Under `mutex`: whether a fetch may start now.
  bool may_fetch() const {
    if (!last_attempt) return true;
    const auto wait = last_failed ? policy.retry_after_failure : policy.min_refetch_interval;
    return clock.steady_now() - *last_attempt >= wait;
  }

  const std::shared_ptr<JwksSource> source;
  const core::Clock& clock;
  const KeyRefreshPolicy policy;
  std::atomic<std::size_t> fetches{0};

  std::mutex mutex;
  std::shared_ptr<const Jwks> jwks;  // null until a fetch succeeds
  std::optional<std::chrono::steady_clock::time_point> last_attempt;
  bool last_failed = false;
  std::shared_ptr<Flight> flight;  // the fetch in progress

  static asio::awaitable<void> run_fetch(std::shared_ptr<State> state,
                                         std::shared_ptr<Flight> flight);
};

asio::awaitable<void> IssuerKeys::State::run_fetch(std::shared_ptr<State> state,
                                                   std::shared_ptr<Flight> flight) {
  std::optional<Jwks> fetched;
  std::string error;
  try {
    fetched.emplace(co_await state->source->fetch());
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown error";
  }
  if (!fetched && error.empty()) error = "fetch failed";
  {
    std::lock_guard lock(state->mutex);
    if (fetched) state->jwks = std::make_shared<const Jwks>(std::move(*fetched));
    state->last_failed = !fetched;
    state->flight.reset();
  }
  flight->finish(fetched ? std::string() : std::move(error));
}

IssuerKeys::IssuerKeys(std::shared_ptr<JwksSource> source, const core::Clock& clock,
                       KeyRefreshPolicy policy)
    : state_(std::make_shared<State>(std::move(source), clock, policy)) {}

IssuerKeys::~IssuerKeys() = default;

std::size_t IssuerKeys::fetches() const { return state_->fetches.load(); }

http::Task<RsaPublicKey> IssuerKeys::key(std::string kid) const {
  std::optional<RsaPublicKey> found;
  std::shared_ptr<Flight> flight;
  bool start = false;
  bool have_keys = false;
  {
    std::lock_guard lock(state_->mutex);
    if (const RsaPublicKey* key = state_->find(kid)) {
      found = *key;
    } else {
      flight = state_->flight;
      if (!flight && state_->may_fetch()) {
        flight = std::make_shared<Flight>();
        state_->flight = flight;
        state_->last_attempt = state_->clock.steady_now();
        ++state_->fetches;
        start = true;
      }
      have_keys = state_->jwks != nullptr;
    }
  }
  if (found) co_return std::move(*found);
  if (!flight) {
    if (have_keys) throw AuthError(AuthReason::kUnknownKey, "no key with that kid");
    throw AuthError(AuthReason::kKeysUnavailable, "no keys yet; fetching again later");
  }
  // The fetch runs on its own, so that it completes even when the caller that started it goes.
  if (start) {
    asio::co_spawn(co_await asio::this_coro::executor, State::run_fetch(state_, flight),
                   asio::detached);
  }
  co_await flight->wait();
  {
    std::lock_guard lock(state_->mutex);
    if (const RsaPublicKey* key = state_->find(kid)) found = *key;
  }
  if (found) co_return std::move(*found);
  if (const std::string error = flight->error(); !error.empty()) {
    throw AuthError(AuthReason::kKeysUnavailable, "fetching the JWKS failed: " + error);
  }
  throw AuthError(AuthReason::kUnknownKey, "no key with that kid");
}

}  // namespace hotel::auth
