// One http::Upstream per service the route table names: discovery through the Resolver, round
// robin over endpoints, a circuit breaker per endpoint (exported as metrics and logged), a
// bulkhead and budgeted retries.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "chassis/http/upstream.hpp"

namespace hotel::observe {
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::gateway::proxy {

struct UpstreamSettings {
  int breaker_failures = 5;  // in a row, per endpoint
  std::chrono::milliseconds breaker_open{5'000};
  std::size_t max_in_flight = 256;
};

class Upstreams {
 public:
  // The resolver, client, metrics and logger outlive the upstreams.
  Upstreams(const std::set<std::string>& services, const discovery::Resolver& resolver,
            http::HttpClient& client, const UpstreamSettings& settings, observe::Registry& metrics,
            const observe::Logger& logger);

  // Throws std::out_of_range for a service not given at construction.
  http::Upstream& at(const std::string& service) const;

 private:
  std::map<std::string, std::unique_ptr<http::Upstream>> upstreams_;
};

// The breaker state of an upstream as a whole, for logs: "closed" when every endpoint's breaker
// is closed, "open" when every one is open, "half_open" or "partial" in between, "none" when
// discovery knows no endpoint.
std::string_view breaker_summary(const http::Upstream& upstream);

}  // namespace hotel::gateway::proxy
