#include "services/gateway/gateway_keys.hpp"

#include <string>

#include "chassis/service/config.hpp"

namespace hotel::gateway {
namespace {

using namespace std::chrono_literals;
using service::ConfigType;

struct RateDefaults {
  std::string_view rate_class;
  double per_user;  // requests per second; 0: no limit
  double per_address;
  double burst;
};

// Generous for people, tight where guessing passwords pays.
constexpr std::array<RateDefaults, kRateClasses.size()> kRateDefaults{{
    {"default", 20, 50, 100},
    {"auth", 5, 5, 20},
    {"read", 50, 100, 200},
    {"write", 10, 30, 40},
    {"static", 0, 200, 400},
}};

constexpr std::string_view kDefaultCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

void add_rate_keys(service::ConfigSchema& schema) {
  static_assert(kRateDefaults.size() == kRateClasses.size());
  for (const auto& limits : kRateDefaults) {
    const std::string prefix = "gateway.rate." + std::string(limits.rate_class);
    schema.add({prefix + ".per_user",
                ConfigType::kDouble,
                limits.per_user,
                0,
                1e6,
                {},
                "Requests/s per signed-in user for routes of rate class " +
                    std::string(limits.rate_class) + " (0: no limit)"});
    schema.add({prefix + ".per_address",
                ConfigType::kDouble,
                limits.per_address,
                0,
                1e6,
                {},
                "Requests/s per client address for rate class " + std::string(limits.rate_class) +
                    " (0: no limit)"});
    schema.add({prefix + ".burst",
                ConfigType::kDouble,
                limits.burst,
                1,
                1e6,
                {},
                "Bucket size (requests allowed at once) for rate class " +
                    std::string(limits.rate_class)});
  }
  schema.add({"gateway.rate.max_keys",
              ConfigType::kInt,
              std::int64_t{100'000},
              1,
              10'000'000,
              {},
              "Users or addresses remembered per rate class (least recently seen forgotten)"});
}

}  // namespace

void add_gateway_keys(service::ConfigSchema& schema) {
  schema.add({"gateway.routes_file",
              ConfigType::kString,
              std::string(),
              {},
              {},
              {},
              "JSON route table replacing the built-in one (empty: built-in)"});
  schema.add({"gateway.web_dir",
              ConfigType::kString,
              std::string("web"),
              {},
              {},
              {},
              "Directory of the web UI served under /hotel/"});
  schema.add({"gateway.cors_origins",
              ConfigType::kStringList,
              std::vector<std::string>{},
              {},
              {},
              {},
              "Origins allowed to call the API from a browser (exact, e.g. https://a.b)"});
  schema.add({"gateway.cors_credentials",
              ConfigType::kBool,
              true,
              {},
              {},
              {},
              "Allow credentials in cross-origin requests from the allowed origins"});
  schema.add({"gateway.cors_max_age",
              ConfigType::kDurationMs,
              600'000ms,
              0,
              86'400'000,
              {},
              "How long browsers may cache a preflight answer"});
  schema.add({"gateway.hsts",
              ConfigType::kDurationMs,
              8760h,
              0,
              63'072'000'000,
              {},
              "Strict-Transport-Security max-age on answers to requests that came over TLS "
              "(X-Forwarded-Proto: https from a trusted proxy); 0: no header"});
  schema.add({"gateway.csp",
              ConfigType::kString,
              std::string(kDefaultCsp),
              {},
              {},
              {},
              "Content-Security-Policy of HTML pages"});
  schema.add({"gateway.trusted_proxies",
              ConfigType::kStringList,
              std::vector<std::string>{},
              {},
              {},
              {},
              "Addresses of proxies in front of the gateway whose X-Forwarded-* are believed"});
  schema.add({"gateway.breaker.failures",
              ConfigType::kInt,
              std::int64_t{5},
              1,
              1000,
              {},
              "Failures in a row that open an upstream endpoint's circuit breaker"});
  schema.add({"gateway.breaker.open",
              ConfigType::kDurationMs,
              5'000ms,
              10,
              600'000,
              {},
              "How long an open breaker fails fast before letting a trial call through"});
  schema.add({"gateway.upstream.max_in_flight",
              ConfigType::kInt,
              std::int64_t{256},
              1,
              100'000,
              {},
              "Calls in flight to one upstream service at once"});
  schema.add({"gateway.admin_port",
              ConfigType::kInt,
              std::int64_t{9080},
              0,
              65'535,
              {},
              "Port of the gateway's admin listener on 127.0.0.1: /health/live, /health/ready "
              "and /metrics (not served on the public port); 0: any free port"});
  add_rate_keys(schema);
}

}  // namespace hotel::gateway
