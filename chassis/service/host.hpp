// Runs one or more services of a ServiceList in this process, each on its own port with its own
// logger, metrics and health, and takes them down gracefully on SIGTERM or SIGINT:
// readiness goes 503, listeners stop, in-flight requests finish (bounded), background loops
// stop, exit 0.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chassis/service/service.hpp"

namespace hotel::service {

class Config;
class ConfigSchema;

// The configuration keys the host itself reads (http.*, log.*, data_dir, services.<name>.*).
ConfigSchema host_schema(const ServiceList& services);

struct HostOptions {
  std::vector<std::string> targets;  // service names; {"all"} for every service
  bool demo_data = false;
  bool install_signal_handlers = true;  // false in tests, which call request_stop()
};

class Host {
 public:
  Host(const ServiceList& services, const Config& config, HostOptions options);
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  // Starts every target; throws (naming the target) when one cannot start.
  void start();
  // The bound port of a running target (useful when configured with port 0).
  std::uint16_t port(const std::string& target) const;
  // Asks for a graceful stop; safe from any thread and from signal handlers' completion.
  void request_stop();
  // Blocks until a stop is requested, then shuts down gracefully. Returns the exit code.
  int wait();
  // start() + wait().
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotel::service
