// HTTP/1.1 server on Boost.Beast with C++20 coroutines. Beast stays in server.cpp.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "chassis/http/router.hpp"

namespace hotel::core {
class Runtime;
}
namespace hotel::observe {
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::http {

// Changes every response the server writes: the routed ones after the middleware chain, and the
// ones the server makes itself before any route runs (400 malformed request, 431, 413, 404/405
// without a catch-all route). `request` holds what is known: at least the remote address and the
// correlation ids; its headers are empty when the request could not be parsed. Runs on the
// connection's I/O thread; must not throw.
using ResponseDecorator = std::function<void(const Request& request, Response& response)>;

struct ServerOptions {
  std::string service = "service";  // name in logs and metrics
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port (tests)
  std::size_t header_limit = std::size_t{16} * 1024;
  std::size_t max_connections = 10'000;
  std::chrono::milliseconds header_timeout{10'000};  // to read a request's header
  std::chrono::milliseconds body_timeout{30'000};    // to read its body
  std::chrono::milliseconds idle_timeout{60'000};    // keep-alive connection with no request
  std::chrono::milliseconds write_timeout{30'000};
  bool access_log = true;
  ResponseDecorator decorate;  // empty: responses go out as they are
};

// Wraps the handler of a matched route. Call `next(request)` to go on.
using Middleware = std::function<Task<Response>(Request&, const Route&, const Handler& next)>;

class Server {
 public:
  // The logger and registry outlive the server.
  Server(core::Runtime& runtime, ServerOptions options, Router router,
         std::vector<Middleware> middleware, const observe::Logger& logger,
         observe::Registry& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting. Returns the bound port. Throws on bind failure.
  std::uint16_t start();
  std::uint16_t port() const;
  // Stops accepting new connections; keep-alive connections close after their current request.
  void stop_accepting();
  // Waits (blocking, not on an I/O thread) until no request is in flight, at most `bound`.
  // Returns true when everything finished in time. Idle connections are closed.
  bool drain(std::chrono::milliseconds bound);
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace hotel::http
