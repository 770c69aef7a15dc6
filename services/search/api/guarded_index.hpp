// The search index behind a circuit breaker, as the API uses it: each call runs on the worker
// pool with a deadline (min(index timeout, the request's own deadline)); a failure or timeout of
// the index counts against the breaker and answers 503 with Retry-After; while the breaker is
// open, calls fail fast with 503 without touching the index.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <type_traits>

#include "chassis/core/clock.hpp"
#include "chassis/http/router.hpp"
#include "chassis/resilience/circuit_breaker.hpp"
#include "services/search/storage/hotel_index.hpp"

namespace hotel::core {
class Runtime;
}
namespace hotel::observe {
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::search::api {

struct GuardOptions {
  std::chrono::milliseconds timeout{2'000};  // per index call
  resilience::BreakerOptions breaker;
};

class GuardedIndex {
 public:
  // Everything given outlives the guard. `metrics` and `logger` may be null.
  GuardedIndex(const storage::HotelIndex& index, core::Runtime& runtime, GuardOptions options,
               observe::Registry* metrics = nullptr, const observe::Logger* logger = nullptr,
               const core::Clock& clock = core::SystemClock::instance());

  // Throws http::Unavailable (503, Retry-After) when the breaker is open or the index fails.
  http::Task<domain::SearchPage> search(const domain::SearchQuery& query,
                                        const http::RequestContext& context);
  http::Task<std::optional<std::string>> find(const std::string& id,
                                              const http::RequestContext& context);

  resilience::BreakerState state() const { return breaker_.state(); }

 private:
  template <class Call>
  http::Task<std::invoke_result_t<Call&, storage::Deadline>> guarded(
      Call call, const http::RequestContext& context);

  const storage::HotelIndex& index_;
  core::Runtime& runtime_;
  const GuardOptions options_;
  const observe::Logger* logger_;
  resilience::CircuitBreaker breaker_;
  observe::Registry* metrics_;
};

}  // namespace hotel::search::api
