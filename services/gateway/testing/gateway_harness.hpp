// Test support: the gateway service on 127.0.0.1 (a free port) with its real routes and
// middleware, its config from HOTEL_* style overrides, and upstreams at given endpoints.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chassis/http/client.hpp"
#include "chassis/http/server.hpp"

namespace hotel::observe {
class Registry;
}

namespace hotel::gateway::testing {

struct HarnessOptions {
  // Configuration overrides by environment name: {"HOTEL_GATEWAY_CORS_ORIGINS", "https://a.b"}.
  std::map<std::string, std::string> env;
  // Where each service is found; a service without endpoints has none.
  std::map<std::string, std::vector<http::Endpoint>> upstreams;
  // The auth middleware the host would pass; empty: let everything through.
  http::Middleware auth;
  // One access-log line per request, as a deployed gateway writes (off in tests).
  bool access_log = false;
};

// Overrides that turn every rate limit off (for tests and benchmarks sending many requests).
std::map<std::string, std::string> without_rate_limits();

class GatewayHarness {
 public:
  explicit GatewayHarness(HarnessOptions options);
  ~GatewayHarness();
  GatewayHarness(const GatewayHarness&) = delete;
  GatewayHarness& operator=(const GatewayHarness&) = delete;

  std::uint16_t port() const;
  observe::Registry& metrics();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotel::gateway::testing
