#include "services/gateway/testing/gateway_harness.hpp"

#include "chassis/core/runtime.hpp"
#include "chassis/discovery/static_resolver.hpp"
#include "chassis/observe/health.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"
#include "chassis/secrets/testing/memory_secrets.hpp"
#include "chassis/service/config.hpp"
#include "chassis/service/host.hpp"
#include "services/gateway/gateway.hpp"
#include "services/gateway/gateway_keys.hpp"

namespace hotel::gateway::testing {
namespace {

const std::vector<std::string> kServices{"identity", "hotels",  "search",
                                         "payment",  "booking", "notification"};

service::Config config_of(const std::map<std::string, std::string>& env) {
  service::ServiceList list;
  for (const auto& name : kServices) list.append(name, 0, {});
  list.append("gateway", 0, {}, add_gateway_keys);
  return service::load_config(service::host_schema(list), std::nullopt, env);
}

http::Middleware pass_through() {
  return [](http::Request& request, const http::Route&, const http::Handler& next) {
    return next(request);
  };
}

}  // namespace

std::map<std::string, std::string> without_rate_limits() {
  std::map<std::string, std::string> env;
  for (auto rate_class : kRateClasses) {
    const std::string prefix = "gateway.rate." + std::string(rate_class);
    env.emplace(service::env_name(prefix + ".per_user"), "0");
    env.emplace(service::env_name(prefix + ".per_address"), "0");
  }
  return env;
}

struct GatewayHarness::Impl {
  explicit Impl(HarnessOptions options)
      : config(config_of(options.env)),
        resolver(std::move(options.upstreams)),
        context{"gateway", "",     config,   runtime,        logger,
                metrics,   health, resolver, memory_secrets, client},
        service(make_gateway(context, kServices)) {
    http::Router router;
    service->add_routes(router);
    http::ServerOptions server_options;
    server_options.service = "gateway";
    server_options.access_log = options.access_log;
    server_options.decorate = service->response_decorator();
    server = std::make_unique<http::Server>(
        runtime, server_options, std::move(router),
        service->middleware(options.auth ? std::move(options.auth) : pass_through()), logger,
        metrics);
    port = server->start();
    runtime.start();
  }
  ~Impl() {
    server->drain(std::chrono::milliseconds(2'000));
    runtime.stop();
  }

  core::Runtime runtime{2, 1};
  service::Config config;
  observe::Logger logger{"gateway"};
  observe::Registry metrics;
  observe::Health health;
  discovery::StaticResolver resolver;
  secrets::testing::MemorySecrets memory_secrets;
  http::HttpClient client{runtime};
  service::ServiceContext context;
  std::unique_ptr<service::Service> service;
  std::unique_ptr<http::Server> server;
  std::uint16_t port = 0;
};

GatewayHarness::GatewayHarness(HarnessOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

GatewayHarness::~GatewayHarness() = default;

std::uint16_t GatewayHarness::port() const { return impl_->port; }

observe::Registry& GatewayHarness::metrics() { return impl_->metrics; }

}  // namespace hotel::gateway::testing
