// A consumer's subscription to one producer's event feed: a coroutine loop that long-polls
// GET /v1/events?after=<cursor>, applies each event in order in one transaction with its cursor
// (ConsumerStore::apply_in_tx), retries a failing handler with backoff and parks it as a dead
// letter after max_attempts, and backs off and keeps trying while the producer is unreachable.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "chassis/events/consumer_store.hpp"
#include "chassis/http/client.hpp"
#include "chassis/resilience/retry.hpp"

namespace hotel::core {
class Runtime;
}
namespace hotel::discovery {
class Resolver;
}
namespace hotel::observe {
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::events {

struct SubscriptionOptions {
  std::string name;      // the cursor's key in the consumer's database, e.g. "search.hotels"
  std::string producer;  // the producing service, looked up through `resolver`
  const discovery::Resolver* resolver = nullptr;  // when null, `endpoint` is used
  std::optional<http::Endpoint> endpoint;
  std::string feed_path = "/v1/events";
  EventHandler handler;
  // A failing handler: attempts in all (then the event is parked) and the delays between them.
  resilience::RetryPolicy retry{5, std::chrono::milliseconds(200), std::chrono::seconds(10)};
  // The producer unreachable or answering badly: delays between polls (max_attempts unused).
  resilience::RetryPolicy reconnect{0, std::chrono::milliseconds(200), std::chrono::seconds(10)};
  // Optional: the Authorization header value for a protected feed, awaited before each poll
  // (e.g. a ServiceTokenProvider's authorization()). A throw counts as the producer being
  // unreachable: the loop backs off and tries again.
  std::function<http::Task<std::string>()> authorization;
  std::chrono::seconds wait{20};  // long-poll bound asked of the producer
  int batch = 100;                // events per poll
};

class Subscription {
 public:
  // Everything given outlives the subscription. Metrics and logger are optional.
  Subscription(core::Runtime& runtime, http::HttpClient& client, ConsumerStore& store,
               SubscriptionOptions options, observe::Registry* metrics = nullptr,
               const observe::Logger* logger = nullptr);
  ~Subscription();  // stops
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  const std::string& name() const;

  // Starts the loop on the runtime's I/O threads. Once.
  void start();
  // Ends the loop: cancels the pending long-poll or backoff and waits (blocking; not on an I/O
  // thread) until the loop has ended, at most `bound`. True when it ended. An event being applied
  // finishes first; an event being retried is neither applied nor parked (it comes again).
  bool stop(std::chrono::milliseconds bound = std::chrono::seconds(5));

  // Moves the cursor (0: rebuild from the start) without racing the loop: events fetched before
  // the reset are dropped, not applied after it, and the pending long-poll is abandoned.
  // Blocking: call it from a worker thread.
  void reset_cursor(std::int64_t to = 0);

  // Applies a dead letter of this subscription through its handler (ConsumerStore::replay).
  // Blocking: call it from a worker thread.
  ReplayResult replay(std::int64_t dead_letter_id);

  struct Stats {
    std::int64_t applied = 0;
    std::int64_t parked = 0;
    std::int64_t handler_failures = 0;
    std::int64_t transport_failures = 0;
  };
  Stats stats() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace hotel::events
