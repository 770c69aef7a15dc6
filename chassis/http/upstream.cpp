#include "chassis/http/upstream.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "chassis/http/errors.hpp"

namespace hotel::http {
namespace {

using std::chrono::milliseconds;

int retry_after_seconds(milliseconds wait) {
  const auto seconds =
      std::chrono::ceil<std::chrono::seconds>(std::min(wait, milliseconds(3'600'000)));
  return static_cast<int>(std::max<std::int64_t>(1, seconds.count()));
}

// Outcomes worth another attempt: the upstream may do better next time or on another endpoint.
bool worth_retrying(int status) { return status == 502 || status == 503 || status == 504; }

bool worth_retrying(const ClientError& error) {
  return error.kind() != ClientError::Kind::kProtocol;
}

std::atomic<std::uint64_t> next_upstream_id{1};

// A thread's own table of the breakers it has used, by upstream id and endpoint: found again
// without the upstream's lock, whose word every thread writes. Few entries (an upstream has few
// endpoints); emptied when it reaches kKept, as a thread that outlived many upstreams would.
struct KnownBreaker {
  std::uint64_t upstream;
  Endpoint endpoint;
  resilience::CircuitBreaker* breaker;
};
constexpr std::size_t kKept = 64;
thread_local std::vector<KnownBreaker> known_breakers;

}  // namespace

Upstream::Upstream(std::string service, const discovery::Resolver& resolver, HttpClient& client,
                   UpstreamOptions options, const core::Clock& clock, core::Random* random)
    : service_(std::move(service)),
      resolver_(resolver),
      client_(client),
      options_(std::move(options)),
      clock_(clock),
      own_random_(random == nullptr ? std::make_unique<core::SeededRandom>() : nullptr),
      random_(random == nullptr ? *own_random_ : *random),
      bulkhead_(options_.max_in_flight),
      retry_budget_(options_.retry_budget, clock),
      id_(next_upstream_id.fetch_add(1, std::memory_order_relaxed)) {}

Upstream::~Upstream() = default;

Task<Response> Upstream::send(Request request, CallOptions options) {
  auto slot = bulkhead_.try_enter();
  if (!slot) throw Unavailable(1, service_ + " has too many calls in flight");
  retry_budget_.record_request();
  const bool repeatable =
      resilience::may_retry(request.method, request.headers.has("Idempotency-Key"));
  const int max_attempts =
      options.max_attempts > 0 ? options.max_attempts : options_.retry.max_attempts;
  std::optional<Response> response;  // the last attempt's outcome: a response or a failure
  std::exception_ptr failure;
  for (int attempt = 1;; ++attempt) {
    milliseconds wait{0};
    std::optional<Pick> picked = try_pick(wait);
    if (!picked) {
      if (attempt == 1)
        throw Unavailable(retry_after_seconds(wait),
                          "no endpoint of " + service_ + " is available");
      break;  // the endpoints failed while retrying: report the last outcome
    }
    response.reset();
    failure = nullptr;
    bool retry_helps = false;
    try {
      response = co_await client_.send_copy(picked->endpoint, request, options);
      retry_helps = worth_retrying(response->status);
    } catch (const ClientError& error) {
      failure = std::current_exception();
      retry_helps = worth_retrying(error);
    }
    if (failure || resilience::counts_as_failure(response->status)) {
      picked->permit.record_failure();
    } else {
      picked->permit.record_success();
    }
    if (!retry_helps || !repeatable || attempt >= max_attempts) break;
    const milliseconds pause = options_.retry.delay(attempt - 1, random_);
    const bool in_time = options.context == nullptr || options.context->remaining() > pause;
    if (!in_time || !retry_budget_.try_spend_retry()) break;
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, pause);
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
  if (failure) std::rethrow_exception(failure);
  co_return std::move(*response);
}

std::optional<Upstream::Pick> Upstream::try_pick(milliseconds& wait) {
  // Kept per thread: its storage serves every pick the thread makes, of any upstream.
  thread_local std::vector<Endpoint> endpoints;
  resolver_.resolve_into(service_, endpoints);
  wait = milliseconds(0);
  if (endpoints.empty()) return std::nullopt;
  // The turn counter is written by every thread that calls: left alone when there is no turn to
  // take (one endpoint, the usual deployment), so that its cache line stays put.
  const std::size_t start = endpoints.size() == 1 ? 0 : next_.fetch_add(1);
  wait = milliseconds::max();
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    const Endpoint& endpoint = endpoints[(start + i) % endpoints.size()];
    auto& breaker = breaker_for(endpoint);
    if (auto permit = breaker.try_acquire()) return Pick{endpoint, std::move(*permit)};
    wait = std::min(wait, breaker.retry_after());
  }
  return std::nullopt;
}

resilience::CircuitBreaker& Upstream::breaker_for(const Endpoint& endpoint) {
  for (const KnownBreaker& known : known_breakers) {
    if (known.upstream == id_ && known.endpoint == endpoint) return *known.breaker;
  }
  resilience::CircuitBreaker& breaker = shared_breaker_for(endpoint);
  if (known_breakers.size() >= kKept) known_breakers.clear();
  known_breakers.push_back({id_, endpoint, &breaker});
  return breaker;
}

resilience::CircuitBreaker& Upstream::shared_breaker_for(const Endpoint& endpoint) {
  std::lock_guard lock(mutex_);
  if (auto found = breakers_.find(endpoint); found != breakers_.end()) return *found->second;
  resilience::CircuitBreaker::Listener listener;
  if (options_.on_breaker_change) {
    listener = [this, endpoint](resilience::BreakerState from, resilience::BreakerState to) {
      options_.on_breaker_change(service_, endpoint, from, to);
    };
  }
  return *breakers_
              .emplace(endpoint, std::make_unique<resilience::CircuitBreaker>(
                                     options_.breaker, clock_, std::move(listener)))
              .first->second;
}

std::vector<EndpointHealth> Upstream::health() const {
  std::vector<EndpointHealth> out;
  for (const Endpoint& endpoint : resolver_.resolve(service_)) {
    auto state = resilience::BreakerState::kClosed;  // never called yet
    {
      std::lock_guard lock(mutex_);
      if (auto found = breakers_.find(endpoint); found != breakers_.end()) {
        state = found->second->state();
      }
    }
    out.push_back(EndpointHealth{service_, endpoint, state});
  }
  return out;
}

}  // namespace hotel::http
