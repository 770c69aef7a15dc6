#include "chassis/http/server.hpp"

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <future>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <unistd.h>

#include "chassis/core/ids.hpp"
#include "chassis/core/runtime.hpp"
#include "chassis/http/client.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/message_parser.hpp"
#include "chassis/http/middleware_chain.hpp"
#include "chassis/http/request_context.hpp"
#include "chassis/http/request_recorder.hpp"
#include "chassis/http/timed_socket.hpp"
#include "chassis/http/wire.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// One accepted connection; the registry lets drain() close the idle ones.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  TimedSocket stream;
  bool busy = false;  // touched only on the connection's loop (one thread)
};

Response error_to_response(const HttpError& error, const Request& request) {
  return problem_response(error, request.path, request.context.request_id);
}

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(core::Runtime& rt, ServerOptions opts, Router r, std::vector<Middleware> mw,
       const observe::Logger& log, observe::Registry& reg)
      : runtime(rt),
        options(std::move(opts)),
        router(std::move(r)),
        middleware(std::move(mw)),
        logger(log),
        metrics(reg),
        recorder(options.service, options.access_log, log, reg),
        acceptor(rt.io()) {
    connections_gauge = &metrics.gauge("http_server_connections", "Open connections",
                                       {{"service", options.service}});
    in_flight_gauge = &metrics.gauge("http_server_in_flight", "Requests being handled",
                                     {{"service", options.service}});
  }

  core::Runtime& runtime;
  ServerOptions options;
  Router router;
  std::vector<Middleware> middleware;
  const observe::Logger& logger;
  observe::Registry& metrics;
  observe::Gauge* connections_gauge;
  observe::Gauge* in_flight_gauge;
  RequestRecorder recorder;

  tcp::acceptor acceptor;
  std::uint16_t bound_port = 0;
  std::atomic<bool> accepting{false};
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> in_flight{0};
  std::atomic<std::size_t> open_connections{0};
  std::mutex mutex;
  std::condition_variable idle_cv;
  std::list<std::weak_ptr<Connection>> connections;

  Task<Response> dispatch(Request& request, const Router::Match& match) {
    MiddlewareChain chain(middleware, *match.route);
    try {
      co_return co_await chain.start(request);
    } catch (const HttpError& error) {
      co_return error_to_response(error, request);
    } catch (const std::exception& error) {
      logger.error("unhandled error in handler",
                   {{"route", request.route_name}, {"error", std::string(error.what())}},
                   &request.context);
      metrics
          .counter("http_server_unhandled_errors_total", "Handler exceptions mapped to 500",
                   {{"service", options.service}})
          .inc();
      co_return problem_response(500, "internal", "Internal Server Error",
                                 "the server failed to handle the request", request.path,
                                 request.context.request_id);
    }
  }

  void record(const Request& request, const Response& response,
              std::chrono::steady_clock::time_point started, std::size_t bytes) {
    recorder.record(request, response, started, bytes);
  }

  // Every response leaves through here: the one place where the service's decorator applies.
  // HEAD gets the header (with the GET body's length) and no body; so do 1xx, 204 and 304,
  // without a length. The head is written by hand (wire.hpp) and sent with the body at once.
  Task<void> write_response(TimedSocket& stream, const Request& request, Response response,
                            bool keep_alive, unsigned version) {
    if (options.decorate) options.decorate(request, response);
    stream.expires_after(options.write_timeout);
    const bool head = request.method == Method::kHead;
    const bool bodiless = head || status_has_no_body(response.status);
    std::optional<std::size_t> length;
    if (head) {
      length = head_content_length(response);
    } else if (!bodiless) {
      length = response.body.size();
    }
    // The head goes into the thread's spare storage, given back once sent.
    std::string out = response_head(response.status, response.headers, version, keep_alive,
                                    request.context.request_id, length, take_head_storage());
    std::array<asio::const_buffer, 2> buffers{
        asio::buffer(out), bodiless ? asio::const_buffer() : asio::buffer(response.body)};
    if (const auto error = stream.write_now(buffers)) throw boost::system::system_error(error);
    if (!TimedSocket::all_written(buffers)) {
      co_await asio::async_write(stream, buffers, asio::use_awaitable);
    }
    give_back_head_storage(std::move(out));
  }

  Task<void> session(std::shared_ptr<Connection> conn, std::string remote) {
    auto& stream = conn->stream;
    beast::flat_buffer buffer;
    bool first = true;
    bool peer_closed = false;
    try {
      // One request object for the connection, emptied for each request: its strings and lists
      // keep their storage (header text and index, ids, target) from one request to the next.
      Request request;
      for (;;) {
        request.clear();
        MessageParser<true> parser(request.headers, request.body);
        parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
        // No limit while the header is read: each route's own applies once it is matched
        // (handle_one), so that a 413 is answered with the request's header known.
        parser.body_limit(boost::none);
        stream.expires_after(first ? options.header_timeout : options.idle_timeout);
        first = false;
        conn->busy = false;
        if (draining) break;
        beast::error_code ec = co_await read_message(stream, buffer, parser, ReadUntil::kHeader);
        if (ec && stream.timed_out()) ec = beast::error::timeout;
        if (ec) {
          peer_closed = ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
                        ec == asio::error::connection_reset;
          co_await on_read_error(stream, ec, true, remote);
          break;
        }
        conn->busy = true;
        ++in_flight;
        in_flight_gauge->add(1);
        bool keep = false;
        try {
          keep = co_await handle_one(stream, buffer, parser, request, remote);
        } catch (...) {
          finish_request();
          throw;
        }
        finish_request();
        if (!keep) break;
      }
    } catch (const std::exception& error) {
      logger.debug("connection closed", {{"error", std::string(error.what())}});
    }
    conn->busy = false;
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!peer_closed && stream.socket().is_open()) co_await linger(stream);
    stream.socket().close(ignored);
    --open_connections;
    connections_gauge->add(-1);
  }

  // Closing a socket with input unread resets the connection, and the peer can lose the answer
  // just sent (one given before its request was read whole: 413, 431, 400). So, as nginx does,
  // what still comes is read and dropped until the peer closes, for a short while at most.
  static Task<void> linger(TimedSocket& stream) {
    constexpr auto kLingerTime = 1s;
    constexpr std::size_t kLingerBytes = std::size_t{1} << 20;
    stream.expires_after(kLingerTime);
    std::array<char, 4096> sink{};
    std::size_t dropped = 0;
    while (dropped <= kLingerBytes) {
      auto [ec, bytes] =
          co_await stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      dropped += bytes;
    }
  }

  void finish_request() {
    --in_flight;
    in_flight_gauge->add(-1);
    // drain() sets `draining` before it waits for in_flight == 0, so a request finishing before
    // that has nobody to wake.
    if (!draining) return;
    std::lock_guard lock(mutex);
    idle_cv.notify_all();
  }

  // Malformed input before a request exists: answer with a problem when the peer can read it.
  Task<void> on_read_error(TimedSocket& stream, beast::error_code ec, bool header,
                           const std::string& remote) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      co_return;
    }
    int status = 400;
    std::string code = "malformed_request";
    std::string detail = "malformed HTTP request: " + ec.message();
    if (ec == bhttp::error::header_limit) {
      status = 431;
      code = "header_too_large";
      detail = "request header fields too large";
    } else if (ec == bhttp::error::body_limit) {
      status = 413;
      code = "payload_too_large";
      detail = "request body too large";
    } else if (!header && ec == bhttp::error::partial_message) {
      co_return;
    }
    Request none;  // what is known of it: the peer and fresh correlation ids
    none.remote_address = remote;
    init_context(none, std::chrono::milliseconds::max(), std::chrono::steady_clock::now());
    Response response =
        problem_response(status, code, status == 400 ? "Bad Request" : "Request Rejected", detail,
                         {}, none.context.request_id);
    try {
      co_await write_response(stream, none, std::move(response), false, 11);
    } catch (const std::exception&) {
      // The peer went away; nothing more to say.
    }
  }

  // What handle_one knows of how to answer.
  struct Answer {
    std::chrono::steady_clock::time_point started;
    bool keep_alive = false;
    unsigned version = 11;
  };

  // The request's header has been read into `request` (through `parser`); its body is next.
  // The usual request (a valid target, a route, no body) goes straight to its handler; the rest
  // is prepare_unusual's, a coroutine of its own so that this one's frame, allocated per request,
  // stays within what Asio recycles (1020 bytes) instead of going to malloc.
  Task<bool> handle_one(TimedSocket& stream, beast::flat_buffer& buffer,
                        MessageParser<true>& parser, Request& request, const std::string& remote) {
    const auto started = std::chrono::steady_clock::now();
    request.remote_address = remote;
    request.access_logged = recorder.writes_access_log();
    request.method_text = parser.method_text();
    request.method = parse_method(request.method_text);
    init_context(request, std::chrono::milliseconds::max(), started);
    const Answer answer{started, parser.keep_alive() && !draining, parser.version()};
    const bool target_ok = parse_target(parser.target(), request);
    Router::Match match;
    if (target_ok) match = router.match(request.method, request.path);
    if (match.route != nullptr) {
      request.route_name = match.route->pattern;
      request.path_params = std::move(match.params);
      init_context(request, match.route->policy.timeout, started);
    }
    if (!target_ok || match.route == nullptr || !parser.is_done()) {
      const std::optional<bool> answered =
          co_await prepare_unusual(stream, buffer, parser, request, match, target_ok, answer);
      if (answered) co_return *answered;
    }
    stream.expires_never();
    Response response = co_await dispatch(request, match);
    const std::size_t bytes = response.body.size();
    record(request, response, answer.started, bytes);
    const bool keep = answer.keep_alive && !draining;
    co_await write_response(stream, request, std::move(response), keep, answer.version);
    co_return keep;
  }

  // A request handle_one does not dispatch at once: a bad target or no route (answered here),
  // or a body to read under the route's limit and timeout (read here, or answered when it
  // cannot be). The keep-alive decision when answered; nullopt when the request is ready for
  // its handler.
  Task<std::optional<bool>> prepare_unusual(TimedSocket& stream, beast::flat_buffer& buffer,
                                            MessageParser<true>& parser, Request& request,
                                            const Router::Match& match, bool target_ok,
                                            Answer answer) {
    auto reject = [&](const HttpError& error, bool keep) -> Task<std::optional<bool>> {
      Response response = error_to_response(error, request);
      record(request, response, answer.started, response.body.size());
      co_await write_response(stream, request, std::move(response), keep, answer.version);
      co_return keep;
    };

    if (!target_ok) {
      co_return co_await reject(
          BadRequest("target", "not a valid request target", "malformed_request"), false);
    }
    if (match.route == nullptr) {
      const bool has_body = parser.content_length().value_or(0) > 0 || parser.chunked();
      const bool keep = answer.keep_alive && !has_body;
      if (!match.allowed.empty()) co_return co_await reject(MethodNotAllowed(match.allowed), keep);
      co_return co_await reject(NotFound("no route for " + request.path), keep);
    }

    // Body: bounded by the route's limit, read under its own timeout.
    const auto limit = match.route->policy.body_limit;
    if (parser.content_length() && *parser.content_length() > limit) {
      co_return co_await reject(
          PayloadTooLarge("request body exceeds " + std::to_string(limit) + " bytes"), false);
    }
    parser.body_limit(limit);
    if (request.headers.get("Expect") == "100-continue") {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, answer.version};
      stream.expires_after(options.write_timeout);
      co_await bhttp::async_write(stream, cont, asio::use_awaitable);
    }
    stream.expires_after(options.body_timeout);
    beast::error_code ec = co_await read_message(stream, buffer, parser, ReadUntil::kMessage);
    if (ec && stream.timed_out()) ec = beast::error::timeout;
    if (ec == bhttp::error::body_limit) {
      co_return co_await reject(
          PayloadTooLarge("request body exceeds " + std::to_string(limit) + " bytes"), false);
    }
    if (ec) {
      if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream ||
          ec == bhttp::error::partial_message || ec == asio::error::eof) {
        co_return false;  // the peer stopped sending; nobody is left to answer
      }
      co_return co_await reject(
          BadRequest("body", "malformed body: " + ec.message(), "malformed_request"), false);
    }
    co_return std::nullopt;
  }

  void init_context(Request& request, std::chrono::milliseconds route_timeout,
                    std::chrono::steady_clock::time_point arrived) {
    fill_request_context(request, route_timeout, arrived);
  }

  Task<void> accept_loop() {
    auto self = shared_from_this();
    const tcp protocol = acceptor.local_endpoint().protocol();
    while (accepting) {
      beast::error_code ec;
      tcp::socket socket(acceptor.get_executor());
      co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (!accepting) break;
        if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space) {
          logger.warn("accept failed; backing off", {{"error", ec.message()}});
          asio::steady_timer timer(runtime.io(), 50ms);
          co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        continue;
      }
      if (open_connections >= options.max_connections) {
        metrics
            .counter("http_server_rejected_connections_total", "Connections over the cap",
                     {{"service", options.service}})
            .inc();
        socket.close(ec);
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      std::string remote;
      auto endpoint = socket.remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
      // Each connection lives on one I/O thread's loop: no strand, no cross-thread hand-offs.
      // The socket is handed over as a descriptor and registered by that loop's own thread,
      // which alone uses it (the loops lock no socket: core/runtime.hpp).
      OwnedDescriptor descriptor{socket.release(ec)};
      if (ec) continue;
      ++open_connections;
      connections_gauge->add(1);
      auto& loop = runtime.next_io();
      asio::co_spawn(loop, adopt(loop, protocol, std::move(descriptor), std::move(remote)),
                     asio::detached);
    }
  }

  // An accepted connection's descriptor, closed unless a socket adopts it (a loop shut down
  // before its session began).
  struct OwnedDescriptor {
    explicit OwnedDescriptor(tcp::socket::native_handle_type fd) : fd(fd) {}
    OwnedDescriptor(OwnedDescriptor&& other) noexcept : fd(std::exchange(other.fd, -1)) {}
    OwnedDescriptor(const OwnedDescriptor&) = delete;
    OwnedDescriptor& operator=(const OwnedDescriptor&) = delete;
    OwnedDescriptor& operator=(OwnedDescriptor&&) = delete;
    ~OwnedDescriptor() {
      if (fd >= 0) ::close(fd);
    }
    tcp::socket::native_handle_type fd;
  };

  // On the connection's loop: its socket, its place in the registry drain() reads, its session.
  Task<void> adopt(asio::io_context& loop, tcp protocol, OwnedDescriptor descriptor,
                   std::string remote) {
    beast::error_code ec;
    tcp::socket socket(loop);
    socket.assign(protocol, descriptor.fd, ec);
    if (ec) {
      --open_connections;
      connections_gauge->add(-1);
      co_return;
    }
    descriptor.fd = -1;
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(mutex);
      std::erase_if(connections, [](const auto& weak) { return weak.expired(); });
      connections.push_back(conn);
    }
    co_await session(std::move(conn), std::move(remote));
  }
};

Server::Server(core::Runtime& runtime, ServerOptions options, Router router,
               std::vector<Middleware> middleware, const observe::Logger& logger,
               observe::Registry& metrics)
    : impl_(std::make_shared<Impl>(runtime, std::move(options), std::move(router),
                                   std::move(middleware), logger, metrics)) {}

Server::~Server() { stop_accepting(); }

std::uint16_t Server::start() {
  auto& impl = *impl_;
  auto address = asio::ip::make_address(impl.options.address);
  tcp::endpoint endpoint(address, impl.options.port);
  impl.acceptor.open(endpoint.protocol());
  impl.acceptor.set_option(asio::socket_base::reuse_address(true));
  impl.acceptor.bind(endpoint);
  impl.acceptor.listen(asio::socket_base::max_listen_connections);
  impl.bound_port = impl.acceptor.local_endpoint().port();
  impl.accepting = true;
  asio::co_spawn(impl.acceptor.get_executor(), impl.accept_loop(), asio::detached);
  impl.logger.info("listening", {{"address", impl.options.address}, {"port", impl.bound_port}});
  return impl.bound_port;
}

std::uint16_t Server::port() const { return impl_->bound_port; }

void Server::stop_accepting() {
  auto impl = impl_;
  if (!impl->accepting.exchange(false)) return;
  // The acceptor is closed on the I/O threads, where its pending accept runs.
  std::promise<void> done;
  auto future = done.get_future();
  asio::post(impl->runtime.io(), [impl, &done] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
    done.set_value();
  });
  if (future.wait_for(2s) != std::future_status::ready) {
    impl->logger.warn("acceptor close did not run (I/O threads stopped?)");
  }
}

bool Server::drain(std::chrono::milliseconds bound) {
  auto impl = impl_;
  impl->draining = true;
  stop_accepting();
  // Idle keep-alive connections are closed now; busy ones close after their response.
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(impl->mutex);
    for (auto& weak : impl->connections) {
      if (auto conn = weak.lock()) live.push_back(std::move(conn));
    }
  }
  for (auto& conn : live) {
    asio::post(conn->stream.get_executor(), [conn] {
      beast::error_code ignored;  // the socket may be closed already
      if (!conn->busy) conn->stream.socket().cancel(ignored);
    });
  }
  std::unique_lock lock(impl->mutex);
  return impl->idle_cv.wait_for(lock, bound, [&] { return impl->in_flight == 0; });
}

std::size_t Server::in_flight() const { return impl_->in_flight; }

}  // namespace hotel::http
