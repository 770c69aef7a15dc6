// Message heads written by hand for the server's answers and the client's requests: one string
// per head, sent with the body in one gather write, instead of Beast's generic serializer (a
// field container filled per message and walked as a buffer sequence). Fields whose name or
// value holds CR, LF or NUL are left out, so that no field can split a message.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::http {

// Reads a request target into request.target (origin form: an absolute-form target
// "http://host/p?q" is reduced to "/p?q"), request.path (percent-decoded; "/" when
// empty) and request.query. False for a malformed target or a NUL in the path.
bool parse_target(std::string_view raw, Request& request);

// The Content-Length of the answer to HEAD: the one a handler declared for an empty body (a
// proxy relaying the answer to HEAD), else the body's length.
std::size_t head_content_length(const Response& response);

// Whether a response with this status carries no body and no Content-Length (1xx, 204, 304).
bool status_has_no_body(int status);

// "HTTP/1.x <status> <reason>", the response's fields (its own Content-Length,
// Transfer-Encoding and Connection left out; its X-Request-Id too when `request_id` is given),
// then X-Request-Id, Connection when it differs from the version's default, Content-Length when
// `content_length` is given, and the blank line. Written into `storage`, whose capacity is
// reused.
std::string response_head(int status, const Headers& headers, unsigned version, bool keep_alive,
                          std::string_view request_id, std::optional<std::size_t> content_length,
                          std::string storage = {});

// What a client adds to the request's own fields (each replacing any field of that name).
struct ExtraField {
  std::string_view name;
  std::string_view value;
  // Set by a caller that built the value of characters that cannot split a head (hex or decimal
  // digits, dashes) under a literal token name: the writer does not look at it again.
  bool checked = false;
};

// "<method> <target> HTTP/1.1", the request's fields (its own Content-Length,
// Transfer-Encoding and Connection, and those named in `extra`, left out), Host when the
// request has none, the extra fields, Content-Length as Beast's prepare_payload would set it
// (the body's length; none for an empty body except for POST, PUT and OPTIONS), and the blank
// line. The connection stays open (HTTP/1.1's default).
// Written into `storage`, whose capacity is reused.
std::string request_head(const Request& request, std::string_view host,
                         std::initializer_list<ExtraField> extra, std::string storage = {});

// Storage for heads, kept per thread so that a head costs no allocation: take it before writing
// one (empty when none is kept), give the written head back once it is sent and no longer
// needed. A head over 16 KiB is not kept.
std::string take_head_storage();
void give_back_head_storage(std::string head);

}  // namespace hotel::http
