// The HTTP/1 message parser of the server and the client: the fast head parser for the usual
// heads, Beast's basic_parser for everything else, both filling the chassis' own Headers and body
// string directly (no Beast message whose fields are then copied field by field).
// Internal to the server and client translation units (it pulls in Beast).
#pragma once

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "chassis/http/head_parser.hpp"
#include "chassis/http/message.hpp"

namespace hotel::http {

namespace detail {

// What a start line holds, whichever parser read it.
struct StartLine {
  std::string method_text;
  std::string target;
  unsigned version = 11;
  int status = 0;
};

// Beast's parser with callbacks that fill the chassis' Headers and body string directly.
template <bool IsRequest>
class BeastParser : public boost::beast::http::basic_parser<IsRequest> {
  using error_code = boost::beast::error_code;
  using string_view = boost::beast::string_view;

 public:
  BeastParser(StartLine& line, Headers& headers, std::string& body)
      : line_(line), headers_(headers), body_(body) {}

 private:
  static constexpr std::size_t kUsualFieldCount = 16;

  void on_request_impl(boost::beast::http::verb /*method*/, string_view method_text,
                       string_view target, int version, error_code& /*ec*/) override {
    line_.method_text.assign(method_text.data(), method_text.size());
    line_.target.assign(target.data(), target.size());
    line_.version = static_cast<unsigned>(version);
    headers_.reserve(kUsualFieldCount);
  }

  void on_response_impl(int status, string_view /*reason*/, int version,
                        error_code& /*ec*/) override {
    line_.status = status;
    line_.version = static_cast<unsigned>(version);
    headers_.reserve(kUsualFieldCount);
  }

  void on_field_impl(boost::beast::http::field /*name*/, string_view name, string_view value,
                     error_code& /*ec*/) override {
    headers_.add(std::string_view(name.data(), name.size()),
                 std::string_view(value.data(), value.size()));
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

  StartLine& line_;
  Headers& headers_;
  std::string& body_;
};

}  // namespace detail

// An HTTP/1 message parser filling the chassis' Headers and body string: a head that arrives
// whole and keeps to the usual forms goes through the fast path (head_parser.hpp) and its
// Content-Length body is copied here; every other message is Beast's basic_parser's (framing,
// limits, chunked bodies, keep-alive rules), from its first byte. The interface is the part of
// basic_parser's that the server and client use.
template <bool IsRequest>
class MessageParser {
  using error_code = boost::beast::error_code;

 public:
  // Fields go to `headers` and the body to `body`; both outlive the parser.
  MessageParser(Headers& headers, std::string& body)
      : headers_(headers), body_(body), beast_(line_, headers, body) {}
  MessageParser(const MessageParser&) = delete;
  MessageParser& operator=(const MessageParser&) = delete;

  // The start line, once the header is read.
  const std::string& method_text() const { return line_.method_text; }
  const std::string& target() const { return line_.target; }
  unsigned version() const { return line_.version; }
  int status() const { return line_.status; }

  void header_limit(std::uint32_t limit) {
    header_limit_ = limit;
    beast_.header_limit(limit);
  }
  void body_limit(boost::optional<std::uint64_t> limit) {
    body_limit_ = limit;
    beast_.body_limit(limit);
  }
  // The answer to HEAD: a header only, whatever its fields say.
  void skip(bool skip) {
    skip_body_ = skip;
    beast_.skip(skip);
  }

  // Whether the fast path took this message's head (for tests).
  bool fast_path() const { return mode_ == Mode::kFast; }

  bool got_some() const { return mode_ == Mode::kFast || beast_.got_some(); }
  bool is_header_done() const { return mode_ == Mode::kFast || beast_.is_header_done(); }
  bool is_done() const { return mode_ == Mode::kFast ? remaining_ == 0 : beast_.is_done(); }
  bool chunked() const { return mode_ != Mode::kFast && beast_.chunked(); }
  boost::optional<std::uint64_t> content_length() const {
    if (mode_ != Mode::kFast) return beast_.content_length();
    if (!head_.content_length) return boost::none;
    return *head_.content_length;
  }
  bool keep_alive() const {
    if (mode_ != Mode::kFast) return beast_.keep_alive();
    return head_.version >= 11 ? !head_.connection_close : head_.connection_keep_alive;
  }

  // Parses what it can of `buffer` and says how much of it was used, as basic_parser::put does.
  std::size_t put(boost::asio::const_buffer buffer, error_code& ec) {
    ec = {};
    if (mode_ == Mode::kFast) return put_body(buffer);
    if (mode_ == Mode::kUndecided && buffer.size() > 0) {
      mode_ = Mode::kBeast;  // unless the fast path takes the head
      if (const std::size_t used = put_head(buffer)) return used;
    }
    return beast_.put(buffer, ec);
  }

  // The peer closed the connection.
  void put_eof(error_code& ec) {
    if (mode_ != Mode::kFast) {
      beast_.put_eof(ec);
      return;
    }
    ec = remaining_ > 0 ? boost::beast::http::error::partial_message : error_code{};
  }

 private:
  enum class Mode { kUndecided, kFast, kBeast };
  // Beast's own defaults.
  static constexpr std::uint32_t kDefaultHeaderLimit = 8 * 1024;
  static constexpr std::uint64_t kDefaultBodyLimit = IsRequest ? 1024 * 1024 : 8 * 1024 * 1024;

  // The fast path: the head's length when it took the head, else 0 (nothing of it kept).
  std::size_t put_head(boost::asio::const_buffer buffer) {
    const std::string_view in(static_cast<const char*>(buffer.data()), buffer.size());
    const std::size_t length = head_length(in, header_limit_);
    if (length == 0) return 0;
    const std::string_view head = in.substr(0, length);
    const bool parsed = IsRequest ? parse_request_head(head, head_, headers_)
                                  : parse_response_head(head, head_, headers_);
    if (!parsed || !frame_body()) {
      headers_.clear();
      head_ = {};
      return 0;
    }
    mode_ = Mode::kFast;
    line_.method_text.assign(head_.method);
    line_.target.assign(head_.target);
    line_.version = head_.version;
    line_.status = head_.status;
    head_.method = {};
    head_.target = {};
    return length;
  }

  // How long the body is, as Beast frames it; false for the forms the fast path leaves to Beast
  // (a response whose body runs to the end of the connection, a body over the limit: Beast's
  // error then).
  bool frame_body() {
    if (!IsRequest &&
        (skip_body_ || head_.status / 100 == 1 || head_.status == 204 || head_.status == 304)) {
      remaining_ = 0;
      return true;
    }
    if (head_.content_length) {
      remaining_ = *head_.content_length;
      return remaining_ <= body_.max_size() && !(body_limit_ && remaining_ > *body_limit_);
    }
    remaining_ = 0;
    return IsRequest;
  }

  // A Content-Length body (its length was checked against the limit with the head, as Beast
  // does; the server checks its route's limit itself before it reads the body).
  std::size_t put_body(boost::asio::const_buffer buffer) {
    if (body_.empty()) body_.reserve(static_cast<std::size_t>(remaining_));
    const std::size_t used =
        static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, buffer.size()));
    body_.append(static_cast<const char*>(buffer.data()), used);
    remaining_ -= used;
    return used;
  }

  Headers& headers_;
  std::string& body_;
  detail::StartLine line_;
  detail::BeastParser<IsRequest> beast_;
  Mode mode_ = Mode::kUndecided;
  ParsedHead head_;
  std::uint64_t remaining_ = 0;  // of the body, on the fast path
  std::uint32_t header_limit_ = kDefaultHeaderLimit;
  boost::optional<std::uint64_t> body_limit_ = kDefaultBodyLimit;
  bool skip_body_ = false;
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
