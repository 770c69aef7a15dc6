// Beast's HTTP/1 parser (basic_parser: framing, limits, chunked bodies, keep-alive rules) filling
// the chassis' own Headers and body string directly, instead of a Beast message whose fields are
// then copied field by field: one allocation per field fewer, and none for most short fields.
// Internal to the server and client translation units (it pulls in Beast).
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <string>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::http {

template <bool IsRequest>
class MessageParser : public boost::beast::http::basic_parser<IsRequest> {
  using error_code = boost::beast::error_code;
  using string_view = boost::beast::string_view;

 public:
  // Fields go to `headers` and the body to `body`; both outlive the parser.
  MessageParser(Headers& headers, std::string& body) : headers_(headers), body_(body) {}

  // The start line, once the header is read.
  const std::string& method_text() const { return method_text_; }
  const std::string& target() const { return target_; }
  unsigned version() const { return version_; }
  int status() const { return status_; }

 private:
  static constexpr std::size_t kUsualFieldCount = 16;

  void on_request_impl(boost::beast::http::verb /*method*/, string_view method_text,
                       string_view target, int version, error_code& /*ec*/) override {
    method_text_.assign(method_text.data(), method_text.size());
    target_.assign(target.data(), target.size());
    version_ = static_cast<unsigned>(version);
    headers_.reserve(kUsualFieldCount);
  }

  void on_response_impl(int status, string_view /*reason*/, int version,
                        error_code& /*ec*/) override {
    status_ = status;
    version_ = static_cast<unsigned>(version);
    headers_.reserve(kUsualFieldCount);
  }

  void on_field_impl(boost::beast::http::field /*name*/, string_view name, string_view value,
                     error_code& /*ec*/) override {
    headers_.add(std::string(name.data(), name.size()), std::string(value.data(), value.size()));
  }

  void on_header_impl(error_code& /*ec*/) override {}

  void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code& ec) override {
    if (length && *length > body_.max_size()) {
      ec = boost::beast::http::error::buffer_overflow;
      return;
    }
    // The parser's body limit has been checked against a declared length already.
    if (length) body_.reserve(static_cast<std::size_t>(*length));
  }

  std::size_t on_body_impl(string_view body, error_code& /*ec*/) override {
    body_.append(body.data(), body.size());
    return body.size();
  }

  void on_chunk_header_impl(std::uint64_t /*size*/, string_view /*extensions*/,
                            error_code& /*ec*/) override {}

  std::size_t on_chunk_body_impl(std::uint64_t /*remain*/, string_view body,
                                 error_code& /*ec*/) override {
    body_.append(body.data(), body.size());
    return body.size();
  }

  void on_finish_impl(error_code& /*ec*/) override {}

  Headers& headers_;
  std::string& body_;
  std::string method_text_;
  std::string target_;
  unsigned version_ = 11;
  int status_ = 0;
};

enum class ReadUntil { kHeader, kMessage };

// Reads from `stream` into `parser` until its header (or its whole message) is parsed, keeping
// bytes past it in `buffer`: what Beast's http::async_read_header and http::async_read do (the
// same errors: end_of_stream when the peer closes before a byte, partial_message when it closes
// within a message, the parser's own, the socket's), as one coroutine over async_read_some
// instead of two layers of composed operations, each with its own executor work tracking.
template <class Stream, bool IsRequest>
boost::asio::awaitable<boost::beast::error_code> read_message(Stream& stream,
                                                              boost::beast::flat_buffer& buffer,
                                                              MessageParser<IsRequest>& parser,
                                                              ReadUntil until) {
  namespace bhttp = boost::beast::http;
  const auto done = [&] {
    return until == ReadUntil::kHeader ? parser.is_header_done() : parser.is_done();
  };
  boost::beast::error_code ec;
  while (!done()) {
    if (buffer.size() > 0) {
      buffer.consume(parser.put(buffer.data(), ec));
      if (!ec) continue;
      if (ec != bhttp::error::need_more) co_return ec;
      ec = {};
    }
    constexpr std::size_t kReadSize = 65536;
    const std::size_t size = boost::beast::read_size(buffer, kReadSize);
    if (size == 0) co_return bhttp::error::buffer_overflow;
    auto [read_error, bytes] = co_await stream.async_read_some(
        buffer.prepare(size), boost::asio::as_tuple(boost::asio::use_awaitable));
    buffer.commit(bytes);
    if (read_error == boost::asio::error::eof) {
      if (!parser.got_some()) co_return bhttp::error::end_of_stream;
      parser.put_eof(ec);  // a message whose body ends with the connection is done now
      co_return ec;
    }
    if (read_error) co_return read_error;
  }
  co_return ec;
}

}  // namespace hotel::http
