// Beast's HTTP/1 parser (basic_parser: framing, limits, chunked bodies, keep-alive rules) filling
// the chassis' own Headers and body string directly, instead of a Beast message whose fields are
// then copied field by field: one allocation per field fewer, and none for most short fields.
// Internal to the server and client translation units (it pulls in Beast).
#pragma once

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

}  // namespace hotel::http
