#include "chassis/http/upstream_metrics.hpp"

#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http {
namespace {

double state_value(resilience::BreakerState state) {
  switch (state) {
    case resilience::BreakerState::kClosed:
      return 0;
    case resilience::BreakerState::kHalfOpen:
      return 1;
    case resilience::BreakerState::kOpen:
      return 2;
  }
  return -1;
}

}  // namespace

decltype(UpstreamOptions::on_breaker_change) breaker_metrics_hook(observe::Registry& metrics,
                                                                  const observe::Logger& logger) {
  return [&metrics, &logger](const std::string& service, const Endpoint& endpoint,
                             resilience::BreakerState from, resilience::BreakerState to) {
    const observe::Labels labels{{"upstream", service}, {"endpoint", endpoint.str()}};
    metrics
        .gauge("upstream_breaker_state", "Circuit breaker state: 0 closed, 1 half-open, 2 open",
               labels)
        .set(state_value(to));
    auto with_to = labels;
    with_to["to"] = std::string(resilience::state_name(to));
    metrics.counter("upstream_breaker_transitions_total", "Circuit breaker state changes", with_to)
        .inc();
    logger.log(
        to == resilience::BreakerState::kOpen ? observe::Level::kWarn : observe::Level::kInfo,
        "circuit breaker state changed",
        {{"upstream", service},
         {"endpoint", endpoint.str()},
         {"from", std::string(resilience::state_name(from))},
         {"to", std::string(resilience::state_name(to))}});
  };
}

}  // namespace hotel::http
