// What a microservice is to the chassis: a name, routes, and background work. Services are
// listed explicitly in main (`hotels::append(list)`), never registered by static initialisers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chassis/http/router.hpp"
#include "chassis/http/server.hpp"

namespace hotel::core {
class Runtime;
}
namespace hotel::http {
class HttpClient;
}
namespace hotel::observe {
class Logger;
class Registry;
class Health;
}  // namespace hotel::observe
namespace hotel::discovery {
class Resolver;
}
namespace hotel::secrets {
class SecretsProvider;
}

namespace hotel::service {

class Config;
class ConfigSchema;

// Everything a service may use, owned by the host and alive while the service runs.
struct ServiceContext {
  std::string name;
  std::string data_dir;  // this service's own directory for its database and files
  const Config& config;
  core::Runtime& runtime;
  const observe::Logger& logger;
  observe::Registry& metrics;
  observe::Health& health;
  const discovery::Resolver& resolver;
  secrets::SecretsProvider& secrets;
  http::HttpClient& client;
};

class Service {
 public:
  virtual ~Service() = default;
  // Adds the service's routes (health and metrics are added by the host).
  virtual void add_routes(http::Router& router) = 0;
  // The middleware chain of the service's server, outermost first. `auth` verifies bearer tokens
  // and enforces each route's access rule; a service places it where it belongs in its chain
  // (the gateway answers CORS preflights and per-address rate limits before it).
  virtual std::vector<http::Middleware> middleware(http::Middleware auth) {
    return {std::move(auth)};
  }
  // When set, /health/live, /health/ready and /metrics are served on their own listener on
  // 127.0.0.1 at this port (0: any free one) instead of the service's own port (the gateway's
  // public port must not show them). Its "listening" log line names "<service>-admin".
  virtual std::optional<std::uint16_t> admin_port() const { return std::nullopt; }
  // Applied by the service's server to every response it writes, those it makes before routing
  // included (the gateway adds its security and CORS headers). Empty: none.
  virtual http::ResponseDecorator response_decorator() { return {}; }
  // Writes the demo data set (idempotent), when the host is asked for demo data.
  virtual void seed_demo_data() {}
  // Starts background work (subscription loops, timers) once the server listens.
  virtual void start() {}
  // Called when the host starts draining, before it waits for in-flight requests: wake
  // long-polls so that they answer now.
  virtual void begin_drain() {}
  // Stops background work; called after the server drained. Must return promptly.
  virtual void stop() {}
};

using ServiceFactory = std::function<std::unique_ptr<Service>(ServiceContext&)>;
// Adds a service's own configuration keys (conventionally "<service>.*") to the schema.
using ConfigContributor = std::function<void(ConfigSchema&)>;

struct ServiceEntry {
  std::string name;
  int default_port;
  ServiceFactory factory;
  ConfigContributor config;  // may be empty
};

// The services a binary knows, in start order.
class ServiceList {
 public:
  void append(std::string name, int default_port, ServiceFactory factory,
              ConfigContributor config = {}) {
    entries_.push_back({std::move(name), default_port, std::move(factory), std::move(config)});
  }
  const std::vector<ServiceEntry>& entries() const { return entries_; }

 private:
  std::vector<ServiceEntry> entries_;
};

}  // namespace hotel::service
