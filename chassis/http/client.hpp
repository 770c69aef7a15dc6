// HTTP/1.1 client with pooled keep-alive connections per endpoint, connect and request timeouts,
// and correlation forwarding (X-Request-Id, traceparent, remaining-time header).
#pragma once

#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "chassis/http/router.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::http {

// Header carrying the caller's remaining time budget in milliseconds.
inline constexpr const char* kRemainingTimeHeader = "X-Request-Timeout-Ms";

struct Endpoint {
  std::string host;  // IP literal or name
  std::uint16_t port = 0;
  // "host:port", with IPv6 literals bracketed ("[::1]:8080").
  std::string str() const;
  // The same written at `out`, which has room for host.size() + kAuthorityExtra characters;
  // the length written.
  static constexpr std::size_t kAuthorityExtra = 8;  // "[", "]:" and five digits
  std::size_t write(char* out) const;
  // By host, then port. (clang-tidy 14 takes the comparison with 0 it synthesizes for a null
  // pointer constant.)
  auto operator<=>(const Endpoint&) const = default;  // NOLINT(modernize-use-nullptr)
};

struct ClientOptions {
  std::chrono::milliseconds connect_timeout{2'000};
  std::chrono::milliseconds request_timeout{10'000};  // default per call
  std::size_t max_idle_per_endpoint = 64;
  std::size_t max_response_body = 64 << 20;
  std::chrono::milliseconds idle_expiry{30'000};  // pooled connections unused longer are dropped
};

struct CallOptions {
  // 0: the client's default. The effective timeout is min(timeout, context->remaining()).
  std::chrono::milliseconds timeout{0};
  // When given, X-Request-Id, traceparent (new child span) and the remaining-time header are set.
  const RequestContext* context = nullptr;
  // Upstream::send only: attempts at most (the first included); 0: the upstream's retry policy.
  int max_attempts = 0;
};

// Transport failure (no HTTP response). HTTP error statuses are returned, not thrown.
class ClientError : public std::runtime_error {
 public:
  enum class Kind { kConnect, kTimeout, kProtocol, kClosed };
  ClientError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class HttpClient {
 public:
  HttpClient(core::Runtime& runtime, ClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends `request` (method, target, headers, body) to `endpoint`. A pooled connection is reused
  // when one is idle; a stale pooled connection is retried once on a fresh one.
  // The request's head and body are taken before this returns: `request` may go at once.
  Task<Response> send(const Endpoint& endpoint, Request request, CallOptions options = {});
  // As send, for a request the caller keeps (Upstream, which may send it again): its head and a
  // copy of its body are taken before this returns, and it is not used after that.
  Task<Response> send_copy(const Endpoint& endpoint, const Request& request,
                           CallOptions options = {});

  std::size_t idle_connections() const;

 private:
  struct Impl;
  // The body is moved from `take_body` when given (request.body itself), copied otherwise.
  Task<Response> start(const Endpoint& endpoint, const Request& request, std::string* take_body,
                       const CallOptions& options);
  std::shared_ptr<Impl> impl_;
};

}  // namespace hotel::http
