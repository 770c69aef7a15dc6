#include "services/gateway/gateway_options.hpp"

#include "chassis/service/config.hpp"
#include "services/gateway/gateway_keys.hpp"

namespace hotel::gateway {
namespace {

std::chrono::seconds seconds_of(std::chrono::milliseconds duration) {
  return std::chrono::duration_cast<std::chrono::seconds>(duration);
}

}  // namespace

GatewayOptions read_gateway_options(const service::Config& config) {
  GatewayOptions options;
  options.routes_file = config.get_string("gateway.routes_file");
  options.web_dir = config.get_string("gateway.web_dir");
  options.cors.origins = config.get_list("gateway.cors_origins");
  options.cors.credentials = config.get_bool("gateway.cors_credentials");
  options.cors.max_age = seconds_of(config.get_ms("gateway.cors_max_age"));
  options.security.html_csp = config.get_string("gateway.csp");
  options.security.hsts_max_age = seconds_of(config.get_ms("gateway.hsts"));
  options.trusted_proxies = config.get_list("gateway.trusted_proxies");
  options.upstream.breaker_failures = static_cast<int>(config.get_int("gateway.breaker.failures"));
  options.upstream.breaker_open = config.get_ms("gateway.breaker.open");
  options.upstream.max_in_flight =
      static_cast<std::size_t>(config.get_int("gateway.upstream.max_in_flight"));
  for (auto rate_class : kRateClasses) {
    const std::string prefix = "gateway.rate." + std::string(rate_class);
    options.rates[std::string(rate_class)] = {config.get_double(prefix + ".per_user"),
                                              config.get_double(prefix + ".per_address"),
                                              config.get_double(prefix + ".burst")};
  }
  options.rate_max_keys = static_cast<std::size_t>(config.get_int("gateway.rate.max_keys"));
  options.admin_port = static_cast<std::uint16_t>(config.get_int("gateway.admin_port"));
  return options;
}

}  // namespace hotel::gateway
