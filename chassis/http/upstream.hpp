// A named upstream service reached through discovery: round-robin over its endpoints, a circuit
// breaker per endpoint (open ones are skipped), a bulkhead for the whole upstream, and retries
// with full-jitter backoff for requests that are safe to repeat, within a retry budget and the
// request's deadline.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/core/random.hpp"
#include "chassis/discovery/resolver.hpp"
#include "chassis/http/client.hpp"
#include "chassis/resilience/bulkhead.hpp"
#include "chassis/resilience/circuit_breaker.hpp"
#include "chassis/resilience/retry.hpp"

namespace hotel::http {

struct UpstreamOptions {
  resilience::BreakerOptions breaker;  // for each endpoint
  std::size_t max_in_flight = 256;     // calls to the whole upstream at once
  resilience::RetryPolicy retry;
  resilience::RetryBudgetOptions retry_budget;
  // Told about every breaker state change (for logs and metrics); any thread.
  std::function<void(const std::string& service, const Endpoint& endpoint,
                     resilience::BreakerState from, resilience::BreakerState to)>
      on_breaker_change;
};

struct EndpointHealth {
  std::string service;
  Endpoint endpoint;
  resilience::BreakerState state;
};

class Upstream {
 public:
  // The resolver and client outlive the upstream. Without `random`, a seeded one is used.
  Upstream(std::string service, const discovery::Resolver& resolver, HttpClient& client,
           UpstreamOptions options = {}, const core::Clock& clock = core::SystemClock::instance(),
           core::Random* random = nullptr);
  ~Upstream();
  Upstream(const Upstream&) = delete;
  Upstream& operator=(const Upstream&) = delete;

  // Sends `request` to one endpoint and returns its response, 5xx included, once retries are
  // spent. Throws Unavailable when every endpoint's breaker is open, none is known or the
  // bulkhead is full, and ClientError when the last attempt failed in transport.
  Task<Response> send(Request request, CallOptions options = {});

  // The breaker state of each endpoint discovery lists now, for metrics.
  std::vector<EndpointHealth> health() const;
  const std::string& service() const { return service_; }

 private:
  struct Pick {
    Endpoint endpoint;
    resilience::CircuitBreaker::Permit permit;
  };
  // The next endpoint in turn whose breaker lets a call through; nullopt, with `wait` set to
  // when one may, if none does.
  std::optional<Pick> try_pick(std::chrono::milliseconds& wait);
  // The endpoint's breaker: from the calling thread's table, else from the upstream's (under its
  // lock), made on first use.
  resilience::CircuitBreaker& breaker_for(const Endpoint& endpoint);
  resilience::CircuitBreaker& shared_breaker_for(const Endpoint& endpoint);

  const std::string service_;
  const discovery::Resolver& resolver_;
  HttpClient& client_;
  const UpstreamOptions options_;
  const core::Clock& clock_;
  std::unique_ptr<core::Random> own_random_;
  core::Random& random_;
  resilience::Bulkhead bulkhead_;
  resilience::RetryBudget retry_budget_;
  std::atomic<std::size_t> next_{0};
  const std::uint64_t id_;  // never reused: names this upstream in the threads' breaker tables
  mutable std::mutex mutex_;
  // Never erased: a breaker lives as long as its upstream.
  std::map<Endpoint, std::unique_ptr<resilience::CircuitBreaker>> breakers_;
};

}  // namespace hotel::http
