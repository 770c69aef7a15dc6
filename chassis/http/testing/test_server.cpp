#include "chassis/http/testing/test_server.hpp"

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <thread>

namespace hotel::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {
ServerOptions with_defaults(ServerOptions options) {
  options.address = "127.0.0.1";
  options.port = 0;
  if (options.service == "service") options.service = "test";
  return options;
}
}  // namespace

TestServer::TestServer(Router router, std::vector<Middleware> middleware, ServerOptions options,
                       int io_threads)
    : runtime_(io_threads, 2), logger_("test") {
  server_ = std::make_unique<Server>(runtime_, with_defaults(std::move(options)), std::move(router),
                                     std::move(middleware), logger_, metrics_);
  port_ = server_->start();
  runtime_.start();
}

TestServer::~TestServer() {
  server_->drain(std::chrono::milliseconds(2000));
  runtime_.stop();
  server_.reset();
}

std::string SimpleResponse::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (beast::iequals(k, name)) return v;
  }
  return {};
}

namespace {

// One request written and its response read on an open stream.
SimpleResponse exchange(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                        const std::string& method, const std::string& target,
                        const std::string& body,
                        const std::vector<std::pair<std::string, std::string>>& headers,
                        bool close) {
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (close) req.set(bhttp::field::connection, "close");
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty() || method == "POST" || method == "PUT") {
    req.body() = body;
    req.prepare_payload();
  }
  bhttp::write(stream, req);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  SimpleResponse out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = res.body();
  return out;
}

}  // namespace

SimpleResponse fetch(std::uint16_t port, const std::string& method, const std::string& target,
                     const std::string& body,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::flat_buffer buffer;
  SimpleResponse out = exchange(stream, buffer, method, target, body, headers, true);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return out;
}

struct KeepAliveConnection::Impl {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
};

KeepAliveConnection::KeepAliveConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

KeepAliveConnection::~KeepAliveConnection() {
  beast::error_code ignored;
  impl_->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

SimpleResponse KeepAliveConnection::request(
    const std::string& method, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  return exchange(impl_->stream, impl_->buffer, method, target, body, headers, false);
}

namespace {

// Reads what the peer sends until it closes (true) or `limit_ms` pass (false).
bool read_until_closed(asio::io_context& io, tcp::socket& socket, int limit_ms, std::string& out) {
  bool closed = false;
  std::array<char, 4096> chunk{};
  asio::steady_timer timer(io, std::chrono::milliseconds(limit_ms));
  timer.async_wait([&](beast::error_code e) {
    if (!e) socket.close();
  });
  std::function<void()> read_more = [&] {
    socket.async_read_some(asio::buffer(chunk), [&](beast::error_code e, std::size_t n) {
      out.append(chunk.data(), n);
      if (e) {
        closed = e != asio::error::operation_aborted;  // aborted: our own limit closed it
        timer.cancel();
        return;
      }
      read_more();
    });
  };
  read_more();
  io.run();
  return closed;
}

}  // namespace

std::string raw_exchange(std::uint16_t port, const std::string& bytes, int timeout_ms,
                         bool half_close) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::error_code ec;
  asio::write(socket, asio::buffer(bytes), ec);
  if (half_close) socket.shutdown(tcp::socket::shutdown_send, ec);
  std::string out;
  read_until_closed(io, socket, timeout_ms, out);
  return out;
}

bool closes_within(std::uint16_t port, const std::string& bytes, int limit_ms,
                   std::string* received) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  asio::write(socket, asio::buffer(bytes));
  std::string out;
  const bool closed = read_until_closed(io, socket, limit_ms, out);
  if (received != nullptr) *received = out;
  return closed;
}

std::vector<int> keep_alive_statuses(std::uint16_t port, const std::string& target, int count,
                                     int gap_ms) {
  KeepAliveConnection connection(port);
  std::vector<int> statuses;
  for (int i = 0; i < count; ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(gap_ms));
    try {
      statuses.push_back(connection.request("GET", target).status);
    } catch (const boost::system::system_error&) {
      break;  // the server closed the connection
    }
  }
  return statuses;
}

int raw_status(const std::string& response) {
  if (response.size() < 12 || response.rfind("HTTP/1.", 0) != 0) return 0;
  return std::atoi(response.substr(9, 3).c_str());
}

}  // namespace hotel::http::testing
