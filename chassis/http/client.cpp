#include "chassis/http/client.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstring>
#include <deque>
#include <map>
#include <tuple>
#include <utility>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "chassis/core/ids.hpp"
#include "chassis/core/runtime.hpp"
#include "chassis/http/message_parser.hpp"
#include "chassis/http/timed_socket.hpp"
#include "chassis/http/wire.hpp"

namespace hotel::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kResponseHeaderLimit = std::size_t{64} * 1024;

// One keep-alive connection on one event loop. Each loop of the Runtime is run by one thread, so
// the stream needs no strand; it is used, pooled and destroyed on that loop only.
struct Connection {
  explicit Connection(asio::io_context& loop) : stream(loop.get_executor()) {}
  TimedSocket stream;
  beast::flat_buffer buffer;  // kept across exchanges: no allocation per response
};

// The event loop the calling coroutine runs on (directly or through a strand); null for other
// executors (a worker pool).
asio::io_context* loop_of(const asio::any_io_executor& executor) {
  using LoopExecutor = asio::io_context::executor_type;
  if (const auto* loop = executor.target<LoopExecutor>()) return &loop->context();
  if (const auto* strand = executor.target<asio::strand<LoopExecutor>>()) {
    return &strand->get_inner_executor().context();
  }
  return nullptr;
}

// What one request/response exchange on a connection came to.
struct Exchange {
  beast::error_code error;
  bool got_response_bytes = false;
  bool reusable = false;  // keep-alive and fully read
  Response response;
};

// A request ready for the wire: its head written by hand (wire.hpp) and its body.
struct Outgoing {
  std::string head;
  std::string body;
  bool is_head = false;  // HEAD: the response has no body whatever its length says
};

// The upstream's "host:port" for the Host field: in `buffer` for the usual host name or
// address, else in `spill`; no allocation per request for the usual one.
std::string_view authority(const Endpoint& endpoint, std::array<char, 128>& buffer,
                           std::string& spill) {
  if (endpoint.host.size() + Endpoint::kAuthorityExtra > buffer.size()) {
    spill = endpoint.str();
    return spill;
  }
  return {buffer.data(), endpoint.write(buffer.data())};
}

// The head only: the caller moves or copies the body.
Outgoing to_wire(const Endpoint& endpoint, const Request& request, const RequestContext* context,
                 milliseconds timeout) {
  Outgoing out;
  out.is_head = request.method == Method::kHead;
  std::array<char, 128> host_buffer{};
  std::string host_spill;
  const std::string_view host = authority(endpoint, host_buffer, host_spill);
  if (context == nullptr) {
    out.head = request_head(request, host, {}, take_head_storage());
  } else {
    // "00-" trace id "-" new span id "-01", built in place.
    std::array<char, 55> traceparent{};
    std::memcpy(traceparent.data(), "00-", 3);
    if (context->trace_id.size() == 32) {
      std::memcpy(traceparent.data() + 3, context->trace_id.data(), 32);
    } else {
      core::write_random_hex(traceparent.data() + 3, 16);
    }
    traceparent[35] = '-';
    core::write_random_hex(traceparent.data() + 36, 8);
    std::memcpy(traceparent.data() + 52, "-01", 3);
    const std::string_view trace(traceparent.data(), traceparent.size());
    std::array<char, 24> digits{};
    const auto written = std::to_chars(digits.data(), digits.data() + digits.size(),
                                       static_cast<long long>(timeout.count()));
    const std::string_view remaining(digits.data(),
                                     static_cast<std::size_t>(written.ptr - digits.data()));
    // Both built here of hex digits, dashes and decimal digits: checked as they are made.
    const ExtraField trace_field{"traceparent", trace, true};
    const ExtraField remaining_field{kRemainingTimeHeader, remaining, true};
    // An empty request id leaves the request's own field alone, as before.
    if (context->request_id.empty()) {
      out.head = request_head(request, host, {trace_field, remaining_field}, take_head_storage());
    } else {
      out.head = request_head(request, host,
                              {{"X-Request-Id", context->request_id}, trace_field, remaining_field},
                              take_head_storage());
    }
  }
  return out;
}

// Writes the request and reads the response; runs on the connection's loop.
asio::awaitable<Exchange> exchange(Connection& connection, const Outgoing& request,
                                   SteadyClock::time_point deadline, std::size_t body_limit) {
  Exchange out;
  connection.stream.expires_at(deadline);
  std::array<asio::const_buffer, 2> buffers{asio::buffer(request.head), asio::buffer(request.body)};
  beast::error_code write_error = connection.stream.write_now(buffers);
  if (!write_error && !TimedSocket::all_written(buffers)) {
    std::tie(write_error, std::ignore) =
        co_await asio::async_write(connection.stream, buffers, kAsTuple);
  }
  if (write_error) {
    out.error = connection.stream.timed_out() ? beast::error::timeout : write_error;
    co_return out;
  }
  beast::flat_buffer& buffer = connection.buffer;
  buffer.clear();
  MessageParser<false> parser(out.response.headers, out.response.body);
  parser.header_limit(kResponseHeaderLimit);
  parser.body_limit(body_limit);
  if (request.is_head) parser.skip(true);
  const beast::error_code read_error =
      co_await read_message(connection.stream, buffer, parser, ReadUntil::kMessage);
  out.got_response_bytes = parser.got_some() || buffer.size() > 0;
  if (read_error) {
    out.error = connection.stream.timed_out() ? beast::error::timeout : read_error;
    co_return out;
  }
  connection.stream.expires_never();
  out.reusable = parser.keep_alive() && buffer.size() == 0;
  out.response.status = parser.status();
  co_return out;
}

// Resolves (unless the host is an IP literal) and connects within `limit`; on the connection's
// loop.
asio::awaitable<beast::error_code> connect(Connection& connection, const Endpoint& endpoint,
                                           SteadyClock::duration limit) {
  const auto started = SteadyClock::now();
  beast::error_code error;
  const auto address = asio::ip::make_address(endpoint.host, error);
  if (!error) {
    connection.stream.expires_after(limit);
    auto [connect_error] = co_await connection.stream.socket().async_connect(
        tcp::endpoint(address, endpoint.port), kAsTuple);
    co_return connect_error&& connection.stream.timed_out() ? beast::error::timeout : connect_error;
  }
  auto resolver = std::make_shared<tcp::resolver>(connection.stream.get_executor());
  asio::steady_timer timer(connection.stream.get_executor(), limit);
  timer.async_wait([weak = std::weak_ptr(resolver)](beast::error_code timer_error) {
    if (auto alive = weak.lock(); alive && !timer_error) alive->cancel();
  });
  auto [resolve_error, results] =
      co_await resolver->async_resolve(endpoint.host, std::to_string(endpoint.port), kAsTuple);
  timer.cancel();
  if (resolve_error == asio::error::operation_aborted) co_return beast::error::timeout;
  if (resolve_error) co_return resolve_error;
  connection.stream.expires_after(limit - (SteadyClock::now() - started));
  auto [connect_error, connected] =
      co_await asio::async_connect(connection.stream.socket(), results, kAsTuple);
  co_return connect_error&& connection.stream.timed_out() ? beast::error::timeout : connect_error;
}

// A peer that closed a pooled connection shows as one of these before any response byte.
bool is_stale_connection_error(const beast::error_code& error) {
  return error == asio::error::eof || error == bhttp::error::end_of_stream ||
         error == asio::error::connection_reset || error == asio::error::broken_pipe ||
         error == asio::error::connection_aborted;
}

ClientError exchange_error(const beast::error_code& error, const Endpoint& endpoint) {
  const std::string where = " (" + endpoint.str() + "): " + error.message();
  if (error == beast::error::timeout) {
    return ClientError(ClientError::Kind::kTimeout, "request timed out" + where);
  }
  if (error == bhttp::error::body_limit) {
    return ClientError(ClientError::Kind::kProtocol, "response body too large" + where);
  }
  if (is_stale_connection_error(error) || error == bhttp::error::partial_message) {
    return ClientError(ClientError::Kind::kClosed, "connection closed" + where);
  }
  if (error.category() == bhttp::make_error_code(bhttp::error::body_limit).category()) {
    return ClientError(ClientError::Kind::kProtocol, "malformed response" + where);
  }
  return ClientError(ClientError::Kind::kClosed, "connection failed" + where);
}

}  // namespace

std::size_t Endpoint::write(char* out) const {
  const bool v6 = host.find(':') != std::string::npos;
  char* at = out;
  if (v6) *at++ = '[';
  if (!host.empty()) std::memcpy(at, host.data(), host.size());
  at += host.size();
  if (v6) *at++ = ']';
  *at++ = ':';
  at = std::to_chars(at, at + 5, port).ptr;
  return static_cast<std::size_t>(at - out);
}

std::string Endpoint::str() const {
  std::string text(host.size() + kAuthorityExtra, '\0');
  text.resize(write(text.data()));
  return text;
}

// Idle connections of one event loop, by endpoint: used, given back, pruned and destroyed by
// that loop's thread only, so without a lock (a call from elsewhere is made on a loop, below).
struct LoopPool {
  struct Idle {
    std::unique_ptr<Connection> connection;
    SteadyClock::time_point since;
  };

  explicit LoopPool(asio::io_context& loop) : loop(&loop) {}

  // The newest idle connection to `endpoint` not older than `expiry`; older ones are dropped.
  std::unique_ptr<Connection> take(const Endpoint& endpoint, SteadyClock::duration expiry) {
    auto found = idle.find(endpoint);
    if (found == idle.end()) return nullptr;
    auto& pooled = found->second;
    const auto now = core::coarse_steady_now();  // idle expiry is seconds: a tick is nothing
    std::unique_ptr<Connection> out;
    while (!pooled.empty() && out == nullptr) {
      Idle newest = std::move(pooled.back());
      pooled.pop_back();
      if (now - newest.since <= expiry) out = std::move(newest.connection);
    }
    count.store(count_all(), std::memory_order_relaxed);
    return out;
  }

  void give_back(const Endpoint& endpoint, std::unique_ptr<Connection> connection,
                 SteadyClock::duration expiry, std::size_t max_idle) {
    auto& pooled = idle[endpoint];
    const auto now = core::coarse_steady_now();
    while (!pooled.empty() && now - pooled.front().since > expiry) pooled.pop_front();
    if (pooled.size() < max_idle) pooled.push_back(Idle{std::move(connection), now});
    count.store(count_all(), std::memory_order_relaxed);
  }

  std::size_t count_all() const {
    std::size_t all = 0;
    for (const auto& [endpoint, pooled] : idle) all += pooled.size();
    return all;
  }

  asio::io_context* loop;
  std::map<Endpoint, std::deque<Idle>> idle;  // oldest first
  std::atomic<std::size_t> count{0};          // for idle_connections(), read from any thread
};

struct HttpClient::Impl {
  Impl(core::Runtime& runtime, ClientOptions options) : runtime(runtime), options(options) {
    for (std::size_t i = 0; i < runtime.io_count(); ++i) {
      pools.push_back(std::make_unique<LoopPool>(runtime.io_at(i)));
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Idle connections go to their own loop to be closed: a socket is used by its loop's thread
  // only. A loop that no longer runs destroys them when it is shut down.
  ~Impl() {
    for (auto& pool : pools) {
      if (pool->idle.empty() || pool->loop->get_executor().running_in_this_thread()) continue;
      asio::post(*pool->loop, [idle = std::move(pool->idle)]() mutable { idle.clear(); });
    }
  }

  // A call that owns what it needs (`self` is this, kept alive while the call runs, whatever
  // becomes of the client), so that nothing of the caller's is used once it has begun. Made on
  // `pool`'s loop; without one, on the caller's loop's pool, or (a caller off the loops) spawned
  // onto the loops in turn. One coroutine for the usual case, the caller on a loop.
  Task<Response> send(std::shared_ptr<Impl> self, Endpoint endpoint, Outgoing request,
                      SteadyClock::time_point deadline, LoopPool* pool = nullptr);
  // send() spawned onto the next loop, for a caller off the loops; takes what it is given. Not a
  // coroutine: the call's parts move into the spawned call's frame, not into the caller's.
  Task<Response> send_on_next_loop(std::shared_ptr<Impl>& self, Endpoint& endpoint,
                                   Outgoing& request, SteadyClock::time_point deadline) {
    LoopPool& next = *pool_of(&runtime.next_io());
    return asio::co_spawn(
        *next.loop, send(std::move(self), std::move(endpoint), std::move(request), deadline, &next),
        asio::use_awaitable);
  }
  // A call that fails when awaited, as a coroutine's body would.
  static Task<Response> refuse(ClientError error) {
    throw error;
    co_return Response{};
  }
  Task<std::unique_ptr<Connection>> open(asio::io_context& loop, const Endpoint& endpoint,
                                         SteadyClock::time_point deadline);
  Response finish(LoopPool& pool, const Endpoint& endpoint, std::unique_ptr<Connection> connection,
                  Exchange& done);

  // The pool of the loop the caller runs on; null off this runtime's loops.
  LoopPool* pool_of(const asio::io_context* loop) {
    for (auto& pool : pools) {
      if (pool->loop == loop) return pool.get();
    }
    return nullptr;
  }

  core::Runtime& runtime;
  const ClientOptions options;
  std::vector<std::unique_ptr<LoopPool>> pools;  // one per loop of the runtime, fixed
};

Task<Response> HttpClient::Impl::send(std::shared_ptr<Impl> self, Endpoint endpoint,
                                      Outgoing request, SteadyClock::time_point deadline,
                                      LoopPool* pool) {
  if (pool == nullptr) pool = pool_of(loop_of(co_await asio::this_coro::executor));
  if (pool == nullptr) {
    // A caller off the event loops (a worker) has its calls made on the loops in turn.
    co_return co_await send_on_next_loop(self, endpoint, request, deadline);
  }
  if (auto pooled = pool->take(endpoint, options.idle_expiry)) {
    Exchange done = co_await exchange(*pooled, request, deadline, options.max_response_body);
    if (!done.error) {
      give_back_head_storage(std::move(request.head));  // sent and answered: not needed again
      co_return finish(*pool, endpoint, std::move(pooled), done);
    }
    if (done.got_response_bytes || !is_stale_connection_error(done.error)) {
      throw exchange_error(done.error, endpoint);
    }
    // The server closed the idle connection: the request never reached it, send it again.
  }
  auto fresh = co_await open(*pool->loop, endpoint, deadline);
  Exchange done = co_await exchange(*fresh, request, deadline, options.max_response_body);
  if (done.error) throw exchange_error(done.error, endpoint);
  give_back_head_storage(std::move(request.head));
  co_return finish(*pool, endpoint, std::move(fresh), done);
}

Task<std::unique_ptr<Connection>> HttpClient::Impl::open(asio::io_context& loop,
                                                         const Endpoint& endpoint,
                                                         SteadyClock::time_point deadline) {
  const auto left = deadline - SteadyClock::now();
  if (left <= SteadyClock::duration::zero()) {
    throw ClientError(ClientError::Kind::kTimeout, "no time left to connect to " + endpoint.str());
  }
  const bool deadline_binds = left <= options.connect_timeout;
  auto connection = std::make_unique<Connection>(loop);
  const beast::error_code error = co_await connect(
      *connection, endpoint, std::min<SteadyClock::duration>(left, options.connect_timeout));
  if (error == beast::error::timeout && deadline_binds) {
    throw ClientError(ClientError::Kind::kTimeout,
                      "request timed out connecting to " + endpoint.str());
  }
  if (error) {
    throw ClientError(ClientError::Kind::kConnect,
                      "cannot connect to " + endpoint.str() + ": " + error.message());
  }
  // As the server's accepted sockets: a message whose tail is left to an async_write after a
  // partial send must not wait for the peer's delayed ACK (Nagle).
  beast::error_code ignored;
  connection->stream.socket().set_option(tcp::no_delay(true), ignored);
  co_return connection;
}

Response HttpClient::Impl::finish(LoopPool& pool, const Endpoint& endpoint,
                                  std::unique_ptr<Connection> connection, Exchange& done) {
  if (done.reusable) {
    pool.give_back(endpoint, std::move(connection), options.idle_expiry,
                   options.max_idle_per_endpoint);
  }
  return std::move(done.response);
}

HttpClient::HttpClient(core::Runtime& runtime, ClientOptions options)
    : impl_(std::make_shared<Impl>(runtime, options)) {}

HttpClient::~HttpClient() = default;

// Not a coroutine: the wire form is built before the caller's request can go away.
Task<Response> HttpClient::start(const Endpoint& endpoint, const Request& request,
                                 std::string* take_body, const CallOptions& options) {
  milliseconds timeout =
      options.timeout > milliseconds(0) ? options.timeout : impl_->options.request_timeout;
  const auto now = SteadyClock::now();
  if (options.context != nullptr) timeout = std::min(timeout, options.context->remaining(now));
  if (timeout <= milliseconds(0)) {
    return Impl::refuse(
        ClientError(ClientError::Kind::kTimeout, "no time left to call " + endpoint.str()));
  }
  const auto deadline = now + timeout;
  Outgoing outgoing = to_wire(endpoint, request, options.context, timeout);  // with its length
  // Moved when the caller gave the request away (a conditional expression would copy it).
  if (take_body != nullptr) {
    outgoing.body = std::move(*take_body);
  } else {
    outgoing.body = request.body;
  }
  // The shared Impl outlives the client while the call runs.
  return impl_->send(impl_, endpoint, std::move(outgoing), deadline);
}

Task<Response> HttpClient::send(const Endpoint& endpoint, Request request, CallOptions options) {
  return start(endpoint, request, &request.body, options);
}

Task<Response> HttpClient::send_copy(const Endpoint& endpoint, const Request& request,
                                     CallOptions options) {
  return start(endpoint, request, nullptr, options);
}

std::size_t HttpClient::idle_connections() const {
  std::size_t count = 0;
  for (const auto& pool : impl_->pools) count += pool->count.load(std::memory_order_relaxed);
  return count;
}

}  // namespace hotel::http
