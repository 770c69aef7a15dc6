#include "chassis/service/host.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "chassis/auth/curl_jwks_source.hpp"
#include "chassis/auth/http_jwks_source.hpp"
#include "chassis/auth/middleware.hpp"
#include "chassis/auth/verifier.hpp"
#include "chassis/core/runtime.hpp"
#include "chassis/discovery/endpoint.hpp"
#include "chassis/discovery/host_resolver.hpp"
#include "chassis/http/client.hpp"
#include "chassis/http/server.hpp"
#include "chassis/observe/health.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"
#include "chassis/secrets/file_secrets_provider.hpp"
#include "chassis/service/config.hpp"
#include "chassis/service/environment.hpp"

namespace hotel::service {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// One running service: its own logger, metrics, health and server.
struct Running {
  std::string name;
  std::unique_ptr<observe::Logger> logger;
  std::unique_ptr<observe::Registry> metrics;
  std::unique_ptr<observe::Health> health;
  std::unique_ptr<ServiceContext> context;
  std::unique_ptr<Service> service;
  std::unique_ptr<http::Server> server;
  // Health and metrics apart from the service's port, when the service asks for it.
  std::unique_ptr<observe::Logger> admin_logger;
  std::unique_ptr<http::Server> admin;
  http::Endpoint endpoint;
};

http::Response answer(const observe::HealthAnswer& a) {
  return http::Response::json(a.status, a.body);
}

void add_builtin_routes(http::Router& router, observe::Health& health, observe::Registry& metrics) {
  using http::Request;
  using http::Response;
  using http::Task;
  router.get("/health/live",
             [&health](Request&) -> Task<Response> { co_return answer(health.live_answer()); });
  router.get("/health/ready",
             [&health](Request&) -> Task<Response> { co_return answer(health.ready_answer()); });
  router.get("/metrics", [&metrics](Request&) -> Task<Response> {
    co_return Response::text(200, metrics.render(), "text/plain; version=0.0.4");
  });
}

std::vector<std::string> expand_targets(const ServiceList& services,
                                        const std::vector<std::string>& targets) {
  std::vector<std::string> names;
  for (const auto& target : targets) {
    if (target == "all") {
      for (const auto& entry : services.entries()) names.push_back(entry.name);
      continue;
    }
    bool known = false;
    for (const auto& entry : services.entries()) known = known || entry.name == target;
    if (!known) {
      std::string what = "unknown target '";
      what.append(target).append("'; known targets: all");
      for (const auto& entry : services.entries()) what.append(" ").append(entry.name);
      throw ConfigError(what);
    }
    names.push_back(target);
  }
  return names;
}

std::map<std::string, std::vector<http::Endpoint>> configured_endpoints(const ServiceList& services,
                                                                        const Config& config) {
  std::map<std::string, std::vector<http::Endpoint>> table;
  for (const auto& entry : services.entries()) {
    for (const auto& text : config.get_list("services." + entry.name + ".endpoints")) {
      table[entry.name].push_back(discovery::parse_endpoint(text));
    }
  }
  return table;
}

std::map<std::string, http::Endpoint> fallback_endpoints(const ServiceList& services,
                                                         const Config& config) {
  std::map<std::string, http::Endpoint> table;
  for (const auto& entry : services.entries()) {
    table[entry.name] = {"127.0.0.1", static_cast<std::uint16_t>(
                                          config.get_int("services." + entry.name + ".port"))};
  }
  return table;
}

}  // namespace

struct Host::Impl {
  Impl(const ServiceList& list, const Config& cfg, HostOptions opts)
      : services(list),
        config(cfg),
        options(std::move(opts)),
        targets(expand_targets(services, options.targets)),
        data_dir(config.get_string("data_dir")),
        runtime(static_cast<int>(config.get_int("http.io_threads")),
                static_cast<int>(config.get_int("http.workers"))),
        host_logger("host"),
        resolver(configured_endpoints(services, config), fallback_endpoints(services, config)),
        secrets(fs::path(data_dir) / "secrets", hotel_environment()) {}

  const ServiceList& services;
  const Config& config;
  HostOptions options;
  std::vector<std::string> targets;
  std::string data_dir;
  core::Runtime runtime;
  observe::Logger host_logger;
  discovery::HostResolver resolver;
  secrets::FileSecretsProvider secrets;
  std::unique_ptr<http::HttpClient> client;
  std::vector<Running> running;
  std::unique_ptr<boost::asio::signal_set> signals;

  std::mutex mutex;
  std::condition_variable stop_cv;
  bool stop_requested = false;

  http::ServerOptions server_options(const std::string& name) const {
    http::ServerOptions o;
    o.service = name;
    o.address = config.get_string("http.address");
    o.port = static_cast<std::uint16_t>(config.get_int("services." + name + ".port"));
    o.header_limit = static_cast<std::size_t>(config.get_int("http.header_limit"));
    o.max_connections = static_cast<std::size_t>(config.get_int("http.max_connections"));
    o.header_timeout = config.get_ms("http.header_timeout");
    o.body_timeout = config.get_ms("http.body_timeout");
    o.idle_timeout = config.get_ms("http.idle_timeout");
    o.access_log = config.get_bool("http.access_log");
    return o;
  }

  // Every service verifies tokens itself (zero trust): one verifier per process, trusting the
  // embedded identity service (keys fetched from it over HTTP) and optionally an external pool.
  std::shared_ptr<auth::Verifier> verifier;

  void make_verifier() {
    auth::VerifierOptions verifier_options;
    verifier_options.issuers.push_back(
        {config.get_string("auth.issuer"),
         std::make_shared<auth::HttpJwksSource>(*client, resolver, "identity",
                                                "/.well-known/jwks.json"),
         config.get_list("auth.audiences")});
    if (const auto& external = config.get_string("auth.external_issuer"); !external.empty()) {
      const auto& url = config.get_string("auth.external_jwks_url");
      if (url.empty()) {
        throw ConfigError("auth.external_jwks_url: required when auth.external_issuer is set");
      }
      verifier_options.issuers.push_back({external,
                                          std::make_shared<auth::CurlJwksSource>(runtime, url),
                                          config.get_list("auth.external_audiences")});
    }
    verifier_options.accepted_token_use = config.get_list("auth.token_use");
    verifier = std::make_shared<auth::Verifier>(std::move(verifier_options));
  }

  void start_one(const ServiceEntry& entry) {
    Running r;
    r.name = entry.name;
    r.logger = std::make_unique<observe::Logger>(entry.name);
    r.metrics = std::make_unique<observe::Registry>();
    r.health = std::make_unique<observe::Health>();
    const auto dir = fs::path(data_dir) / entry.name;
    fs::create_directories(dir);
    r.context = std::make_unique<ServiceContext>(
        ServiceContext{entry.name, dir.string(), config, runtime, *r.logger, *r.metrics, *r.health,
                       resolver, secrets, *client});
    r.service = entry.factory(*r.context);
    if (options.demo_data) r.service->seed_demo_data();
    http::Router router;
    const auto admin_port = r.service->admin_port();
    if (!admin_port) add_builtin_routes(router, *r.health, *r.metrics);
    r.service->add_routes(router);
    auto options = server_options(entry.name);
    options.decorate = r.service->response_decorator();
    // The verifier is shared; refusals are logged and counted by the service that refused.
    auto auth = auth::auth_middleware(verifier, *r.logger, *r.metrics);
    r.server = std::make_unique<http::Server>(runtime, std::move(options), std::move(router),
                                              r.service->middleware(std::move(auth)), *r.logger,
                                              *r.metrics);
    if (admin_port) start_admin(r, *admin_port);
    const auto port = r.server->start();
    r.endpoint = http::Endpoint{config.get_string("http.address"), port};
    resolver.register_local(entry.name, r.endpoint);
    running.push_back(std::move(r));
  }

  // Loopback only: the operator's scraper and probes run on the host.
  void start_admin(Running& r, std::uint16_t port) {
    http::Router router;
    add_builtin_routes(router, *r.health, *r.metrics);
    auto options = server_options(r.name);
    options.service = r.name + "-admin";
    options.address = "127.0.0.1";
    options.port = port;
    r.admin_logger = std::make_unique<observe::Logger>(options.service);
    r.admin = std::make_unique<http::Server>(runtime, std::move(options), std::move(router),
                                             std::vector<http::Middleware>{}, *r.admin_logger,
                                             *r.metrics);
    r.admin->start();
  }

  void shutdown() {
    const auto bound = config.get_ms("lifecycle.drain_timeout");
    host_logger.info("shutting down", {{"drain_timeout_ms", bound.count()}});
    for (auto& r : running) r.health->set_draining();
    for (auto& r : running) r.server->stop_accepting();
    for (auto& r : running) r.service->begin_drain();
    for (auto& r : running) {
      if (!r.server->drain(bound)) {
        r.logger->warn("drain bound reached with requests in flight",
                       {{"in_flight", static_cast<std::int64_t>(r.server->in_flight())}});
      }
    }
    // Readiness stayed visible ("draining") until the requests were done.
    for (auto& r : running) {
      if (r.admin) r.admin->drain(std::chrono::milliseconds(1'000));
    }
    for (auto it = running.rbegin(); it != running.rend(); ++it) it->service->stop();
    runtime.stop();
    for (auto& r : running) resolver.deregister_local(r.name, r.endpoint);
    host_logger.info("stopped");
  }
};

Host::Host(const ServiceList& services, const Config& config, HostOptions options)
    : impl_(std::make_unique<Impl>(services, config, std::move(options))) {}

Host::~Host() = default;

void Host::start() {
  auto& impl = *impl_;
  impl.client = std::make_unique<http::HttpClient>(impl.runtime);
  impl.make_verifier();
  if (impl.options.install_signal_handlers) {
    impl.signals = std::make_unique<boost::asio::signal_set>(impl.runtime.io(), SIGTERM, SIGINT);
    impl.signals->async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      impl_->host_logger.info("signal received", {{"signal", signal}});
      request_stop();
    });
  }
  for (const auto& name : impl.targets) {
    for (const auto& entry : impl.services.entries()) {
      if (entry.name != name) continue;
      try {
        impl.start_one(entry);
      } catch (const std::exception& error) {
        throw std::runtime_error("cannot start " + name + ": " + error.what());
      }
    }
  }
  impl.runtime.start();
  for (auto& r : impl.running) r.service->start();
  for (auto& r : impl.running) r.health->set_ready();
  impl.host_logger.info("started", {{"targets", static_cast<std::int64_t>(impl.running.size())}});
}

std::uint16_t Host::port(const std::string& target) const {
  for (const auto& r : impl_->running) {
    if (r.name == target) return r.server->port();
  }
  throw std::invalid_argument("target not running: " + target);
}

void Host::request_stop() {
  std::lock_guard lock(impl_->mutex);
  impl_->stop_requested = true;
  impl_->stop_cv.notify_all();
}

int Host::wait() {
  {
    std::unique_lock lock(impl_->mutex);
    impl_->stop_cv.wait(lock, [&] { return impl_->stop_requested; });
  }
  impl_->shutdown();
  return 0;
}

int Host::run() {
  start();
  return wait();
}

}  // namespace hotel::service
