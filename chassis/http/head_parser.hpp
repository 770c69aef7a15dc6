// A fast path for the usual HTTP/1.x message head, in front of Beast's parser: a head that has
// arrived whole and keeps to a strict subset of the grammar (no line folding, no
// Transfer-Encoding or Upgrade, at most one plain Content-Length, a Connection field of "close"
// or "keep-alive" only) is parsed here in one pass, field values eight characters at a time;
// anything else is left to Beast, which then parses the same bytes as if this were not there.
// Whatever this accepts, Beast accepts with the same meaning (head_parser_test.cpp compares the
// two on generated and mutated heads). Beast checks every character of a value one at a time,
// and the ~800-character bearer token made that a fifth of the gateway's instructions.
// No Beast or Asio here; message_parser.hpp decides when to use it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::http {

struct ParsedHead {
  std::string_view method;  // requests: as sent
  std::string_view target;  // requests: as sent
  int status = 0;           // responses
  unsigned version = 11;    // 10 or 11
  bool connection_close = false;
  bool connection_keep_alive = false;
  std::optional<std::uint64_t> content_length;
};

// The length of the head at the start of `in` through its empty line ("\r\n\r\n"), looked for in
// the first `limit` characters only; 0 when it is not there.
std::size_t head_length(std::string_view in, std::size_t limit);

// Parses `head` (a whole head, as head_length measured it) into `out` and, in arrival order, into
// `fields`. False when the head is outside the subset or malformed: `fields` may then hold some
// fields and the caller hands the bytes to Beast.
bool parse_request_head(std::string_view head, ParsedHead& out, Headers& fields);
bool parse_response_head(std::string_view head, ParsedHead& out, Headers& fields);

}  // namespace hotel::http
