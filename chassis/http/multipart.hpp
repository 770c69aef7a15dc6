// A strict multipart/form-data parser (RFC 7578 over RFC 2046), hand-written because Beast has
// none. It parses a body already read (and bounded by the route's body limit) and returns the
// parts as views into it: no copies of uploaded files.
//
// Strict means: the body starts with the first delimiter (no preamble); delimiter lines end in
// CRLF with no transport padding; header lines end in CRLF and are not folded; every part has
// `Content-Disposition: form-data; name="..."`; a Content-Transfer-Encoding other than binary,
// 8bit or 7bit is refused; the close delimiter must come. Anything else is a 400 naming "body".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/http/message.hpp"

namespace hotel::http {

struct MultipartPart {
  std::string name;                     // the form field name
  std::optional<std::string> filename;  // as the client sent it: for display, never a path
  std::string content_type;             // the part's Content-Type, empty when absent
  Headers headers;                      // every header of the part
  std::string_view body;                // a view into the parsed body
};

struct MultipartLimits {
  std::size_t max_parts = 8;
  std::size_t max_part_bytes = 10 << 20;  // one part's body
  std::size_t max_header_bytes = 4096;    // one part's header block
};

// The boundary of a `multipart/form-data; boundary=...` Content-Type. Throws
// UnsupportedMediaType for another media type, BadRequest("Content-Type") for a missing or
// invalid boundary (1 to 70 characters of RFC 2046's bchars, not ending in a space).
std::string multipart_boundary(std::string_view content_type);

// Parses `body` into its parts. Throws BadRequest("body", ..., "invalid_multipart") when the
// body is malformed, has more than max_parts parts or a header block over its limit, and
// PayloadTooLarge when a part's body exceeds max_part_bytes. The parts' bodies point into `body`.
std::vector<MultipartPart> parse_multipart(std::string_view body, std::string_view boundary,
                                           const MultipartLimits& limits = {});

}  // namespace hotel::http
