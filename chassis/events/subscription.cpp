#include "chassis/events/subscription.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "chassis/core/random.hpp"
#include "chassis/core/runtime.hpp"
#include "chassis/discovery/resolver.hpp"
#include "chassis/events/feed_page.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::events {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// What became of one attempt to apply an event.
enum class Outcome { kApplied, kSkipped, kHandlerFailed, kStoreFailed, kStale };

struct PollState {
  std::optional<http::Response> response;
  std::string error;
  bool done = false;
};

}  // namespace

// Threads: the loop and the background long-poll run on `strand`; store calls run on the worker
// pool (runtime.call); stop() and reset_cursor() come from other threads and talk to the loop
// through atomics plus a post of wake.cancel() to the strand. The loop checks its conditions and
// arms `wake` in one strand turn, so such a post can never be missed.
struct Subscription::Impl : std::enable_shared_from_this<Impl> {
  Impl(core::Runtime& runtime, http::HttpClient& client, ConsumerStore& store,
       SubscriptionOptions options, observe::Registry* metrics, const observe::Logger* logger)
      : runtime(runtime),
        client(client),
        store(store),
        options(std::move(options)),
        logger(logger),
        strand(asio::make_strand(runtime.io())),
        wake(strand) {
    if (metrics != nullptr) {
      const observe::Labels labels{{"subscription", this->options.name}};
      lag = &metrics->gauge("event_subscription_lag",
                            "Producer's last seq minus the subscription's cursor", labels);
      dead_letters = &metrics->gauge("event_dead_letters",
                                     "Parked events not yet replayed, per subscription", labels);
    }
  }

  core::Runtime& runtime;
  http::HttpClient& client;
  ConsumerStore& store;
  const SubscriptionOptions options;
  const observe::Logger* logger;
  observe::Gauge* lag = nullptr;
  observe::Gauge* dead_letters = nullptr;
  core::SeededRandom random;

  asio::strand<asio::io_context::executor_type> strand;
  asio::steady_timer wake;         // strand only
  std::size_t next_endpoint = 0;   // strand only
  int transport_failures_row = 0;  // strand only
  std::atomic<bool> stopping{false};
  std::atomic<bool> started{false};

  std::mutex apply_mutex;               // held while applying, parking or resetting
  std::atomic<std::uint64_t> epoch{0};  // bumped (under apply_mutex) by every reset

  std::mutex done_mutex;
  std::condition_variable done_cv;
  bool running = false;

  std::atomic<std::int64_t> applied{0}, parked{0}, handler_failures{0}, transport_failures{0};

  void interrupt() {
    asio::post(strand, [self = shared_from_this()] { self->wake.cancel(); });
  }
  bool interrupted(std::uint64_t seen_epoch) const {
    return stopping.load() || epoch.load() != seen_epoch;
  }

  void warn(std::string_view msg, observe::Fields fields) const {
    if (logger == nullptr) return;
    fields.emplace_back("subscription", options.name);
    logger->warn(msg, fields);
  }

  void refresh_dead_letters() {
    if (dead_letters != nullptr) {
      dead_letters->set(static_cast<double>(store.pending_dead_letters(options.name)));
    }
  }

  std::optional<http::Endpoint> pick_endpoint() {
    if (options.resolver == nullptr) return options.endpoint;
    const auto endpoints = options.resolver->resolve(options.producer);
    if (endpoints.empty()) return std::nullopt;
    return endpoints[next_endpoint++ % endpoints.size()];
  }

  // Sleeps `delay` on the strand; returns early on stop().
  asio::awaitable<void> pause(milliseconds delay) {
    const auto until = SteadyClock::now() + delay;
    boost::system::error_code ignored;
    while (!stopping.load() && SteadyClock::now() < until) {
      wake.expires_at(until);
      co_await wake.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    }
  }

  static asio::awaitable<void> send_in_background(std::shared_ptr<Impl> self,
                                                  std::shared_ptr<PollState> state,
                                                  http::Endpoint endpoint, http::Request request,
                                                  http::CallOptions call) {
    try {
      state->response = co_await self->client.send(endpoint, std::move(request), call);
    } catch (const std::exception& error) {
      state->error = error.what();
    }
    state->done = true;
    self->wake.cancel();
  }

  // One long-poll. nullopt when abandoned (stop, reset) or failed (after a backoff pause).
  asio::awaitable<std::optional<FeedPage>> poll(std::shared_ptr<Impl> self, std::int64_t cursor,
                                                std::uint64_t seen_epoch) {
    auto state = std::make_shared<PollState>();
    std::string authorization;
    if (options.authorization) {
      try {
        authorization = co_await options.authorization();
      } catch (const std::exception& error) {
        state->error = std::string("no authorization for the feed: ") + error.what();
      }
    }
    const auto endpoint = state->error.empty() ? pick_endpoint() : std::nullopt;
    if (endpoint) {
      http::Request request;
      request.method = http::Method::kGet;
      request.target = feed_target(options.feed_path, cursor, options.batch, options.wait);
      request.headers.set("Accept", "application/json");
      if (!authorization.empty()) request.headers.set("Authorization", authorization);
      http::CallOptions call;
      call.timeout = options.wait + std::chrono::seconds(10);
      // In the background, so that stop() and reset_cursor() need not wait for the answer.
      asio::co_spawn(strand, send_in_background(self, state, *endpoint, std::move(request), call),
                     asio::detached);
      boost::system::error_code ignored;
      while (!state->done && !interrupted(seen_epoch)) {
        wake.expires_at(SteadyClock::time_point::max());
        co_await wake.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
      }
      if (!state->done) co_return std::nullopt;
    } else if (state->error.empty()) {
      state->error = "no endpoint for producer '" + options.producer + "'";
    }

    std::string problem = state->error;
    std::optional<FeedPage> page;
    if (problem.empty() && state->response->status != 200) {
      problem = "feed answered HTTP " + std::to_string(state->response->status);
    } else if (problem.empty()) {
      try {
        page = parse_feed_page(state->response->body);
      } catch (const std::exception& error) {
        problem = std::string("malformed feed page: ") + error.what();
      }
    }
    if (!problem.empty()) {
      transport_failures.fetch_add(1);
      warn("event feed unreachable", {{"producer", options.producer}, {"error", problem}});
      co_await pause(options.reconnect.delay(transport_failures_row++, random));
      co_return std::nullopt;
    }
    transport_failures_row = 0;
    co_return page;
  }

  // On a worker thread.
  Outcome apply_locked(const Event& event, std::uint64_t seen_epoch, std::string& error) {
    std::lock_guard lock(apply_mutex);
    if (epoch.load() != seen_epoch) return Outcome::kStale;
    bool handler_threw = false;
    try {
      const auto result =
          store.apply_in_tx(options.name, event, [&](store::Transaction& tx, const Event& e) {
            try {
              options.handler(tx, e);
            } catch (...) {
              handler_threw = true;
              throw;
            }
          });
      return result == ApplyResult::kApplied ? Outcome::kApplied : Outcome::kSkipped;
    } catch (const std::exception& failure) {
      error = failure.what();
    } catch (...) {
      error = "unknown error";
    }
    return handler_threw ? Outcome::kHandlerFailed : Outcome::kStoreFailed;
  }

  // On a worker thread.
  Outcome park_locked(const Event& event, std::uint64_t seen_epoch, const std::string& error,
                      int attempts) {
    std::lock_guard lock(apply_mutex);
    if (epoch.load() != seen_epoch) return Outcome::kStale;
    store.park(options.name, event, error, attempts);
    refresh_dead_letters();
    return Outcome::kApplied;
  }

  // Applies one event with retries, parking it when the handler keeps failing. False when the
  // batch must be dropped (stop, reset, or the store itself failing).
  asio::awaitable<bool> deliver(const Event& event, std::uint64_t seen_epoch) {
    const int max_attempts = std::max(1, options.retry.max_attempts);
    std::string error;
    for (int attempt = 1;; ++attempt) {
      const Outcome outcome =
          co_await runtime.call([&] { return apply_locked(event, seen_epoch, error); });
      if (outcome == Outcome::kApplied) applied.fetch_add(1);
      if (outcome == Outcome::kApplied || outcome == Outcome::kSkipped) co_return true;
      if (outcome == Outcome::kStale) co_return false;
      if (outcome == Outcome::kStoreFailed) {
        warn("consumer store failed", {{"seq", event.sequence}, {"error", error}});
        co_await pause(options.reconnect.delay(0, random));
        co_return false;
      }
      handler_failures.fetch_add(1);
      warn("event handler failed",
           {{"seq", event.sequence}, {"type", event.type}, {"attempt", attempt}, {"error", error}});
      if (attempt >= max_attempts) break;
      co_await pause(options.retry.delay(attempt - 1, random));
      if (interrupted(seen_epoch)) co_return false;
    }
    const Outcome parked_outcome =
        co_await runtime.call([&] { return park_locked(event, seen_epoch, error, max_attempts); });
    if (parked_outcome == Outcome::kStale) co_return false;
    parked.fetch_add(1);
    warn("event parked as a dead letter", {{"seq", event.sequence}, {"event_id", event.id}});
    co_return true;
  }

  asio::awaitable<void> run(std::shared_ptr<Impl> self) {
    co_await runtime.call([this] { refresh_dead_letters(); });
    while (!stopping.load()) {
      std::uint64_t seen_epoch = 0;
      const std::int64_t cursor = co_await runtime.call([&] {
        std::lock_guard lock(apply_mutex);
        seen_epoch = epoch.load();
        return store.cursor(options.name);
      });
      const auto page = co_await poll(self, cursor, seen_epoch);
      if (!page) continue;
      if (lag != nullptr) lag->set(static_cast<double>(page->last_seq - cursor));
      for (const auto& event : page->events) {
        if (interrupted(seen_epoch) || !co_await deliver(event, seen_epoch)) break;
        if (lag != nullptr) lag->set(static_cast<double>(page->last_seq - event.sequence));
      }
    }
  }
};

Subscription::Subscription(core::Runtime& runtime, http::HttpClient& client, ConsumerStore& store,
                           SubscriptionOptions options, observe::Registry* metrics,
                           const observe::Logger* logger)
    : impl_(std::make_shared<Impl>(runtime, client, store, std::move(options), metrics, logger)) {}

Subscription::~Subscription() { stop(); }

const std::string& Subscription::name() const { return impl_->options.name; }

void Subscription::start() {
  auto impl = impl_;
  if (impl->started.exchange(true)) return;
  {
    std::lock_guard lock(impl->done_mutex);
    impl->running = true;
  }
  asio::co_spawn(impl->strand, impl->run(impl), [impl](const std::exception_ptr& failure) {
    if (failure) impl->warn("subscription loop ended by an exception", {});
    std::lock_guard lock(impl->done_mutex);
    impl->running = false;
    impl->done_cv.notify_all();
  });
}

bool Subscription::stop(milliseconds bound) {
  auto& impl = *impl_;
  impl.stopping.store(true);
  impl.interrupt();
  std::unique_lock lock(impl.done_mutex);
  if (impl.runtime.io().stopped()) return !impl.running;  // nothing can make progress
  return impl.done_cv.wait_for(lock, bound, [&] { return !impl.running; });
}

void Subscription::reset_cursor(std::int64_t to) {
  auto& impl = *impl_;
  {
    std::lock_guard lock(impl.apply_mutex);
    impl.store.reset_cursor(impl.options.name, to);
    impl.epoch.fetch_add(1);
  }
  impl.interrupt();
}

ReplayResult Subscription::replay(std::int64_t dead_letter_id) {
  auto& impl = *impl_;
  const auto letter = impl.store.find_dead_letter(dead_letter_id);
  if (!letter || letter->subscription != impl.options.name) return ReplayResult::kNotFound;
  const auto result = impl.store.replay(dead_letter_id, impl.options.handler);
  impl.refresh_dead_letters();
  return result;
}

Subscription::Stats Subscription::stats() const {
  return {impl_->applied.load(), impl_->parked.load(), impl_->handler_failures.load(),
          impl_->transport_failures.load()};
}

}  // namespace hotel::events
