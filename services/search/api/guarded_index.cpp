#include "services/search/api/guarded_index.hpp"

#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::search::api {
namespace {

constexpr int kRetryAfterFailureS = 1;

int retry_after_seconds(std::chrono::milliseconds wait) {
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
  return static_cast<int>(std::max<std::int64_t>(1, seconds));
}

resilience::CircuitBreaker::Listener state_listener(observe::Registry* metrics,
                                                    const observe::Logger* logger) {
  return [metrics, logger](resilience::BreakerState from, resilience::BreakerState to) {
    if (metrics != nullptr) {
      metrics
          ->counter("search_index_breaker_transitions_total",
                    "Search index circuit breaker state changes",
                    {{"to", std::string(resilience::state_name(to))}})
          .inc();
    }
    if (logger != nullptr) {
      logger->warn("search index breaker changed state",
                   {{"from", std::string(resilience::state_name(from))},
                    {"to", std::string(resilience::state_name(to))}});
    }
  };
}

}  // namespace

GuardedIndex::GuardedIndex(const storage::HotelIndex& index, core::Runtime& runtime,
                           GuardOptions options, observe::Registry* metrics,
                           const observe::Logger* logger, const core::Clock& clock)
    : index_(index),
      runtime_(runtime),
      options_(options),
      logger_(logger),
      breaker_(options.breaker, clock, state_listener(metrics, logger)),
      metrics_(metrics) {
  if (metrics_ != nullptr) {
    metrics_->gauge_callback("search_index_breaker_state",
                             "Search index circuit breaker: 0 closed, 1 half-open, 2 open", {},
                             [this] {
                               switch (breaker_.state()) {
                                 case resilience::BreakerState::kClosed:
                                   return 0.0;
                                 case resilience::BreakerState::kHalfOpen:
                                   return 1.0;
                                 case resilience::BreakerState::kOpen:
                                   return 2.0;
                               }
                               return 0.0;
                             });
  }
}

template <class Call>
http::Task<std::invoke_result_t<Call&, storage::Deadline>> GuardedIndex::guarded(
    Call call, const http::RequestContext& context) {
  auto permit = breaker_.try_acquire();
  if (!permit) {
    throw http::Unavailable(retry_after_seconds(breaker_.retry_after()),
                            "the search index is unavailable; try again shortly",
                            "search_unavailable");
  }
  const auto deadline =
      std::min(std::chrono::steady_clock::now() + options_.timeout, context.deadline);
  std::string failure;
  std::string kind;
  try {
    auto result = co_await runtime_.call([&] { return call(deadline); });
    permit->record_success();
    co_return result;
  } catch (const storage::IndexTimeout& timeout) {
    kind = "timeout";
    failure = timeout.what();
  } catch (const std::exception& error) {
    kind = "error";
    failure = error.what();
  }
  permit->record_failure();
  if (metrics_ != nullptr) {
    metrics_
        ->counter("search_index_failures_total", "Search index calls that failed or timed out",
                  {{"kind", kind}})
        .inc();
  }
  if (logger_ != nullptr) {
    logger_->warn("search index call failed", {{"kind", kind}, {"error", failure}});
  }
  if (kind == "timeout") {
    throw http::Unavailable(kRetryAfterFailureS, "the search index did not answer in time",
                            "search_timeout");
  }
  throw http::Unavailable(kRetryAfterFailureS, "the search index failed; try again shortly",
                          "search_unavailable");
}

http::Task<domain::SearchPage> GuardedIndex::search(const domain::SearchQuery& query,
                                                    const http::RequestContext& context) {
  co_return co_await guarded(
      [&](storage::Deadline deadline) { return index_.search(query, deadline); }, context);
}

http::Task<std::optional<std::string>> GuardedIndex::find(const std::string& id,
                                                          const http::RequestContext& context) {
  co_return co_await guarded([&](storage::Deadline deadline) { return index_.find(id, deadline); },
                             context);
}

}  // namespace hotel::search::api
