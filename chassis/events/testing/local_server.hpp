// An HTTP server on 127.0.0.1 (ephemeral port) with its own runtime, for tests whose routes need
// that runtime at construction (http::testing::TestServer takes a finished router).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "chassis/core/runtime.hpp"
#include "chassis/http/server.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::events::testing {

class LocalServer {
 public:
  using RouterFactory = std::function<http::Router(core::Runtime&)>;
  explicit LocalServer(const RouterFactory& routes);
  // Stops accepting, stops the runtime, then destroys the server. Not Server::drain: on main at
  // 05a3707 it posts socket().cancel() (the throwing overload) to connections whose socket may
  // already be closed, which can terminate the process.
  ~LocalServer();

  std::uint16_t port() const { return port_; }
  core::Runtime& runtime() { return runtime_; }

 private:
  // Declared before the runtime: sessions destroyed with the runtime may still refer to them.
  observe::Logger logger_{"events-test"};
  observe::Registry metrics_;
  core::Runtime runtime_{2, 2};
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

}  // namespace hotel::events::testing
