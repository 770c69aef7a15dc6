// A scripted HTTP/1.1 server on 127.0.0.1 (a free port) for client tests, running on its own
// thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "chassis/http/client.hpp"
#include "chassis/http/message.hpp"

namespace hotel::http::testing {

class ScriptedServer {
 public:
  // The response to send, or nullopt to leave the request unanswered (the connection stays open).
  using Handler = std::function<std::optional<Response>(const Request&)>;

  explicit ScriptedServer(Handler handler);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  Endpoint endpoint() const;
  // Connections accepted so far.
  std::size_t connections() const;
  // Requests received so far (method, target, headers, body).
  std::vector<Request> requests() const;
  // Closes every open connection and returns once they are closed.
  void close_connections();
  void set_handler(Handler handler);

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// An endpoint on 127.0.0.1 where nothing listens (a port that was just free).
Endpoint closed_endpoint();

}  // namespace hotel::http::testing
