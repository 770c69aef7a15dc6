#include "chassis/http/head_parser.hpp"

#include <array>
#include <cstring>
#include <string>

#include "chassis/http/swar.hpp"
#include "chassis/http/token_chars.hpp"

namespace hotel::http {
namespace {

// What Beast takes as a request target's characters: visible ASCII and every byte above it.
bool is_target_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7f;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A cursor over a whole head (it ends with "\r\n\r\n", so every line has its CRLF).
class Cursor {
 public:
  explicit Cursor(std::string_view head) : at_(head.data()), end_(head.data() + head.size()) {}

  bool at_end() const { return at_ == end_; }
  std::size_t left() const { return static_cast<std::size_t>(end_ - at_); }
  std::string_view rest() const { return {at_, left()}; }
  bool eat(std::string_view literal) {
    if (static_cast<std::size_t>(end_ - at_) < literal.size() ||
        std::memcmp(at_, literal.data(), literal.size()) != 0) {
      return false;
    }
    at_ += literal.size();
    return true;
  }
  // Characters while `pred` holds; then `stop` must follow (and is eaten). Empty on failure.
  template <class Pred>
  std::string_view run_until(Pred pred, char stop) {
    const char* const first = at_;
    while (at_ < end_ && pred(*at_)) ++at_;
    if (at_ == first || at_ == end_ || *at_ != stop) return {};
    return {first, static_cast<std::size_t>(at_++ - first)};
  }
  void skip_blanks() {
    while (at_ < end_ && (*at_ == ' ' || *at_ == '\t')) ++at_;
  }
  // The rest of the line up to its CRLF, without trailing blanks; CRLF eaten. False when a control
  // character other than HTAB comes first, or a CR without its LF.
  bool text_to_eol(std::string_view& text) {
    const char* const first = at_;
    const char* p = swar::find_control(at_, end_);
    while (p != end_ && *p == '\t') p = swar::find_control(p + 1, end_);
    if (end_ - p < 2 || p[0] != '\r' || p[1] != '\n') return false;
    const char* last = p;
    while (last != first && (last[-1] == ' ' || last[-1] == '\t')) --last;
    text = {first, static_cast<std::size_t>(last - first)};
    at_ = p + 2;
    return true;
  }
  // Whether the next line continues this one (obsolete line folding).
  bool folded() const { return at_ < end_ && (*at_ == ' ' || *at_ == '\t'); }

 private:
  const char* at_;
  const char* end_;
};

bool parse_version(Cursor& cursor, unsigned& version) {
  if (cursor.eat("HTTP/1.1")) {
    version = 11;
    return true;
  }
  if (cursor.eat("HTTP/1.0")) {
    version = 10;
    return true;
  }
  return false;
}

bool parse_content_length(std::string_view value, ParsedHead& out) {
  constexpr std::size_t kMaxDigits = 19;  // below 2^64 whatever the digits
  if (out.content_length || value.empty() || value.size() > kMaxDigits) return false;
  std::uint64_t length = 0;
  for (const char c : value) {
    if (!is_digit(c)) return false;
    length = length * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out.content_length = length;
  return true;
}

// The fields that frame the message or change the connection; false for the forms left to Beast.
bool note_field(std::string_view name, std::string_view value, ParsedHead& out) {
  switch (name.size()) {
    case 7:
      return !ascii_iequals(name, "upgrade");
    case 10:
    case 16:
      if (!ascii_iequals(name, "connection") && !ascii_iequals(name, "proxy-connection")) {
        return true;
      }
      if (ascii_iequals(value, "close")) {
        out.connection_close = true;
        return true;
      }
      if (ascii_iequals(value, "keep-alive")) {
        out.connection_keep_alive = true;
        return true;
      }
      return false;
    case 14:
      return !ascii_iequals(name, "content-length") || parse_content_length(value, out);
    case 17:
      return !ascii_iequals(name, "transfer-encoding");
    default:
      return true;
  }
}

bool parse_fields(Cursor& cursor, ParsedHead& out, Headers& fields) {
  constexpr std::size_t kUsualFieldCount = 16;
  // Room for the fields' text and for what code usually adds later (security or forwarding
  // fields), so that those do not move the text again.
  constexpr std::size_t kRoomForAdded = 512;
  fields.reserve(kUsualFieldCount, cursor.left() + kRoomForAdded);
  const Headers::Taken lines = fields.take(cursor.rest());  // one copy for every field
  while (!cursor.eat("\r\n")) {
    const std::string_view name = cursor.run_until(is_token_char, ':');
    if (name.empty()) return false;
    cursor.skip_blanks();
    std::string_view value;
    if (!cursor.text_to_eol(value) || cursor.folded()) return false;
    if (!note_field(name, value, out)) return false;
    fields.add_taken(lines, name, value);
  }
  return cursor.at_end();
}

}  // namespace

std::size_t head_length(std::string_view in, std::size_t limit) {
  const std::string_view window = in.substr(0, limit);
  const std::size_t end = window.find("\r\n\r\n");
  return end == std::string_view::npos ? 0 : end + 4;
}

bool parse_request_head(std::string_view head, ParsedHead& out, Headers& fields) {
  Cursor cursor(head);
  out.method = cursor.run_until(is_token_char, ' ');
  if (out.method.empty()) return false;
  out.target = cursor.run_until(is_target_char, ' ');
  if (out.target.empty()) return false;
  if (!parse_version(cursor, out.version) || !cursor.eat("\r\n")) return false;
  return parse_fields(cursor, out, fields);
}

bool parse_response_head(std::string_view head, ParsedHead& out, Headers& fields) {
  Cursor cursor(head);
  if (!parse_version(cursor, out.version) || !cursor.eat(" ")) return false;
  const std::string_view status = cursor.run_until(is_digit, ' ');
  if (status.size() != 3) return false;
  out.status = (status[0] - '0') * 100 + (status[1] - '0') * 10 + (status[2] - '0');
  std::string_view reason;
  if (!cursor.text_to_eol(reason)) return false;
  return parse_fields(cursor, out, fields);
}

}  // namespace hotel::http
