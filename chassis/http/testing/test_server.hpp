// Test support: a server on 127.0.0.1 with an ephemeral port, and a blocking HTTP client for
// assertions. For tests only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chassis/core/runtime.hpp"
#include "chassis/http/server.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http::testing {

class TestServer {
 public:
  explicit TestServer(Router router, std::vector<Middleware> middleware = {},
                      ServerOptions options = {}, int io_threads = 2);
  ~TestServer();
  std::uint16_t port() const { return port_; }
  Server& server() { return *server_; }
  core::Runtime& runtime() { return runtime_; }
  observe::Registry& metrics() { return metrics_; }

 private:
  core::Runtime runtime_;
  observe::Logger logger_;
  observe::Registry metrics_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

struct SimpleResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string header(const std::string& name) const;
};

// One request on a new connection (Connection: close). Throws on transport errors.
SimpleResponse fetch(std::uint16_t port, const std::string& method, const std::string& target,
                     const std::string& body = {},
                     const std::vector<std::pair<std::string, std::string>>& headers = {});

// Requests one after another on one keep-alive connection (the server keeps one Request per
// connection). Throws on transport errors.
class KeepAliveConnection {
 public:
  explicit KeepAliveConnection(std::uint16_t port);
  ~KeepAliveConnection();
  KeepAliveConnection(const KeepAliveConnection&) = delete;
  KeepAliveConnection& operator=(const KeepAliveConnection&) = delete;

  SimpleResponse request(const std::string& method, const std::string& target,
                         const std::vector<std::pair<std::string, std::string>>& headers = {},
                         const std::string& body = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes raw bytes, half-closes, and returns everything the server sent until it closed
// (or until `timeout_ms`).
std::string raw_exchange(std::uint16_t port, const std::string& bytes, int timeout_ms = 5000,
                         bool half_close = true);

// Writes raw bytes without half-closing, reads what the server sends, and tells whether the
// server closed the connection before `limit_ms` (false: still open then). `received` gets what
// it sent.
bool closes_within(std::uint16_t port, const std::string& bytes, int limit_ms,
                   std::string* received = nullptr);

// Sends `count` keep-alive GET requests for `target` on one connection, `gap_ms` apart, and
// returns the statuses answered (fewer than `count` when the server closed the connection).
std::vector<int> keep_alive_statuses(std::uint16_t port, const std::string& target, int count,
                                     int gap_ms);

// Status code from the first line of a raw response; 0 when there is none.
int raw_status(const std::string& response);

}  // namespace hotel::http::testing
