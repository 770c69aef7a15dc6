// The gateway's settings, read from the gateway.* configuration keys.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "services/gateway/edge/cors.hpp"
#include "services/gateway/edge/rate_limits.hpp"
#include "services/gateway/edge/security_headers.hpp"
#include "services/gateway/proxy/upstreams.hpp"

namespace hotel::service {
class Config;
}

namespace hotel::gateway {

struct GatewayOptions {
  std::string routes_file;  // empty: the built-in table
  std::string web_dir;
  edge::CorsOptions cors;
  edge::SecurityOptions security;
  std::vector<std::string> trusted_proxies;
  proxy::UpstreamSettings upstream;
  std::map<std::string, edge::ClassLimits> rates;  // by rate class
  std::size_t rate_max_keys = 100'000;
  std::uint16_t admin_port = 9080;  // health and metrics, on 127.0.0.1 only
};

GatewayOptions read_gateway_options(const service::Config& config);

}  // namespace hotel::gateway
