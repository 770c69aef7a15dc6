#include "chassis/http/testing/scripted_server.hpp"

#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace hotel::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

struct ScriptedServer::Impl {
  explicit Impl(Handler handler) : handler(std::move(handler)) {}

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [error, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
      if (error) co_return;
      auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
      {
        std::lock_guard lock(mutex);
        ++accepted;
        open.insert(stream);
      }
      asio::co_spawn(io, session(stream), asio::detached);
    }
  }

  asio::awaitable<void> session(std::shared_ptr<beast::tcp_stream> stream) {
    beast::flat_buffer buffer;
    for (;;) {
      bhttp::request<bhttp::string_body> message;
      auto [error, read] =
          co_await bhttp::async_read(*stream, buffer, message, asio::as_tuple(asio::use_awaitable));
      if (error) break;
      std::optional<Response> response = answer(message);
      if (!response) continue;  // unanswered: wait for the client to give up
      bhttp::response<bhttp::string_body> out(static_cast<bhttp::status>(response->status), 11);
      for (const auto& [name, value] : response->headers.fields()) out.insert(name, value);
      out.body() = std::move(response->body);
      out.keep_alive(message.keep_alive() && out.keep_alive());  // the handler may say close
      out.prepare_payload();
      auto [write_error, written] =
          co_await bhttp::async_write(*stream, out, asio::as_tuple(asio::use_awaitable));
      if (write_error || !out.keep_alive()) break;
    }
    std::lock_guard lock(mutex);
    open.erase(stream);
  }

  std::optional<Response> answer(const bhttp::request<bhttp::string_body>& message) {
    Request request;
    request.method = parse_method(message.method_string());
    request.method_text = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = message.body();
    Handler current;
    {
      std::lock_guard lock(mutex);
      seen.push_back(request);
      current = handler;
    }
    return current(request);
  }

  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::thread thread;
  mutable std::mutex mutex;
  Handler handler;
  std::size_t accepted = 0;
  std::vector<Request> seen;
  std::set<std::shared_ptr<beast::tcp_stream>> open;
};

ScriptedServer::ScriptedServer(Handler handler)
    : impl_(std::make_shared<Impl>(std::move(handler))) {
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

ScriptedServer::~ScriptedServer() {
  impl_->io.stop();
  impl_->thread.join();
}

Endpoint ScriptedServer::endpoint() const {
  return Endpoint{"127.0.0.1", impl_->acceptor.local_endpoint().port()};
}

std::size_t ScriptedServer::connections() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->accepted;
}

std::vector<Request> ScriptedServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->seen;
}

void ScriptedServer::close_connections() {
  std::promise<void> closed;
  asio::post(impl_->io, [&] {
    std::set<std::shared_ptr<beast::tcp_stream>> open;
    {
      std::lock_guard lock(impl_->mutex);
      open = impl_->open;
    }
    for (const auto& stream : open) {
      beast::error_code ignored;
      stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream->socket().close(ignored);
    }
    closed.set_value();
  });
  closed.get_future().wait();
}

void ScriptedServer::set_handler(Handler handler) {
  std::lock_guard lock(impl_->mutex);
  impl_->handler = std::move(handler);
}

Endpoint closed_endpoint() {
  asio::io_context io;
  tcp::acceptor probe(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  return Endpoint{"127.0.0.1", probe.local_endpoint().port()};
}

}  // namespace hotel::http::testing
