#include "chassis/http/upstream_metrics.hpp"

#include <gtest/gtest.h>

#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http {
namespace {

TEST(UpstreamMetrics, HookRecordsStateAndTransitions) {
  observe::Registry metrics;
  observe::Logger logger("test");
  auto hook = breaker_metrics_hook(metrics, logger);
  const Endpoint endpoint{"127.0.0.1", 9000};
  hook("search", endpoint, resilience::BreakerState::kClosed, resilience::BreakerState::kOpen);
  const observe::Labels labels{{"upstream", "search"}, {"endpoint", "127.0.0.1:9000"}};
  EXPECT_EQ(metrics.gauge("upstream_breaker_state", "", labels).value(), 2);
  hook("search", endpoint, resilience::BreakerState::kOpen, resilience::BreakerState::kHalfOpen);
  EXPECT_EQ(metrics.gauge("upstream_breaker_state", "", labels).value(), 1);
  auto open_labels = labels;
  open_labels["to"] = std::string(resilience::state_name(resilience::BreakerState::kOpen));
  EXPECT_EQ(metrics.counter("upstream_breaker_transitions_total", "", open_labels).value(), 1);
  EXPECT_NE(metrics.render().find("upstream_breaker_state{"), std::string::npos);
}

}  // namespace
}  // namespace hotel::http
