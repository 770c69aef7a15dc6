#include "services/gateway/proxy/upstreams.hpp"

#include "chassis/http/upstream_metrics.hpp"

namespace hotel::gateway::proxy {

Upstreams::Upstreams(const std::set<std::string>& services, const discovery::Resolver& resolver,
                     http::HttpClient& client, const UpstreamSettings& settings,
                     observe::Registry& metrics, const observe::Logger& logger) {
  http::UpstreamOptions options;
  options.breaker.consecutive_failures = settings.breaker_failures;
  options.breaker.open_duration = settings.breaker_open;
  options.max_in_flight = settings.max_in_flight;
  options.on_breaker_change = http::breaker_metrics_hook(metrics, logger);
  for (const auto& service : services) {
    upstreams_.emplace(service,
                       std::make_unique<http::Upstream>(service, resolver, client, options));
  }
}

http::Upstream& Upstreams::at(const std::string& service) const { return *upstreams_.at(service); }

std::string_view breaker_summary(const http::Upstream& upstream) {
  using resilience::BreakerState;
  const auto endpoints = upstream.health();
  if (endpoints.empty()) return "none";
  std::size_t open = 0;
  std::size_t half_open = 0;
  for (const auto& endpoint : endpoints) {
    open += endpoint.state == BreakerState::kOpen ? 1 : 0;
    half_open += endpoint.state == BreakerState::kHalfOpen ? 1 : 0;
  }
  if (open == endpoints.size()) return "open";
  if (open == 0 && half_open == 0) return "closed";
  if (half_open == endpoints.size()) return "half_open";
  return "partial";
}

}  // namespace hotel::gateway::proxy
