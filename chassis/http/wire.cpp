#include "chassis/http/wire.hpp"

#include <algorithm>
#include <array>
#include <boost/beast/http/status.hpp>
#include <boost/url/parse.hpp>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <utility>

#include "chassis/http/swar.hpp"

namespace hotel::http {
namespace {

// A head written at a cursor into a string sized up front: one bounds check and one memcpy per
// piece instead of std::string::append's bookkeeping per call; grows when the size was short.
class HeadWriter {
 public:
  // Written into `storage` (its capacity reused), sized for `size` characters.
  explicit HeadWriter(std::size_t size, std::string storage = {}) : out_(std::move(storage)) {
    out_.resize(size);
  }

  HeadWriter& put(std::string_view text) {
    copy(room(text.size()), text);
    return *this;
  }
  HeadWriter& put(std::size_t number) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), number);
    return put(
        std::string_view(digits.data(), static_cast<std::size_t>(result.ptr - digits.data())));
  }
  // Fields that would split the head (CR, LF or NUL in them) are left out; a field a parser
  // accepted (`checked`) is known not to. One bounds check per field; the separators are
  // stored, not copied.
  void field(std::string_view name, std::string_view value, bool checked = false) {
    if (!checked && (name.empty() || !swar::is_safe(name) || !swar::is_safe(value))) return;
    char* at = copy(room(name.size() + value.size() + 4), name);
    at[0] = ':';
    at[1] = ' ';
    at = copy(at + 2, value);
    at[0] = '\r';
    at[1] = '\n';
  }
  std::string finish() {
    out_.resize(used_);
    return std::move(out_);
  }

 private:
  // Where `size` more characters go; the string grows when the size given up front was short.
  char* room(std::size_t size) {
    if (size > out_.size() - used_) out_.resize(std::max(out_.size() * 2, used_ + size));
    char* at = out_.data() + used_;
    used_ += size;
    return at;
  }
  static char* copy(char* at, std::string_view text) {
    if (!text.empty()) std::memcpy(at, text.data(), text.size());
    return at + text.size();
  }

  std::string out_;
  std::size_t used_ = 0;
};

// Content-Length, Transfer-Encoding and Connection are the writer's to set.
bool is_framing(std::string_view name) {
  return ascii_iequals(name, "Content-Length") || ascii_iequals(name, "Transfer-Encoding") ||
         ascii_iequals(name, "Connection");
}

std::size_t fields_size(const Headers& headers) { return headers.text_size() + 4 * headers.size(); }

}  // namespace

namespace {

// RFC 3986 characters of an origin-form target that need no decoding: unreserved, sub-delims,
// ':', '@' and '/' in the path; '?' too in the query. No '%' (decoding), no '#', no other.
constexpr std::array<bool, 256> plain_target_characters(bool query) {
  std::array<bool, 256> table{};
  for (unsigned char c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (unsigned char c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (unsigned char c = '0'; c <= '9'; ++c) table[c] = true;
  for (const char c : std::string_view("-._~!$&'()*+,;=:@/"))
    table[static_cast<unsigned char>(c)] = true;
  if (query) table['?'] = true;
  return table;
}

constexpr auto kPlainPath = plain_target_characters(false);
constexpr auto kPlainQuery = plain_target_characters(true);

bool all_in(std::string_view text, const std::array<bool, 256>& table) {
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return table[static_cast<unsigned char>(c)]; });
}

// The usual target ("/v1/hotels?city=Oslo"): nothing to decode, so path and query are its two
// parts as they are, what Boost.URL's origin-form parse gives for it (the test compares them).
bool parse_plain_target(std::string_view target, Request& request) {
  if (target.empty() || target.front() != '/' || target.starts_with("//")) return false;
  const std::size_t mark = target.find('?');
  const std::string_view path = target.substr(0, mark);
  const std::string_view query =
      mark == std::string_view::npos ? std::string_view() : target.substr(mark + 1);
  if (!all_in(path, kPlainPath) || !all_in(query, kPlainQuery)) return false;
  request.target.assign(target);
  request.path.assign(path);
  request.query.assign(query);
  return true;
}

}  // namespace

bool parse_target(std::string_view raw, Request& request) {
  if (parse_plain_target(raw, request)) return true;
  std::string_view target = raw;
  if (target.starts_with("http://") || target.starts_with("https://")) {
    auto url = boost::urls::parse_absolute_uri(target);
    if (!url) return false;
    std::string_view rest = url->encoded_resource();
    request.target = rest.empty() ? "/" : std::string(rest);
  } else {
    request.target = std::string(target);
  }
  auto origin = boost::urls::parse_origin_form(request.target);
  if (!origin) return false;
  request.path = std::string(origin->path());
  if (request.path.empty()) request.path.push_back('/');  // not = "/": GCC 12 -Wstringop-overflow
  if (request.path.find('\0') != std::string::npos) return false;
  request.query = std::string(origin->encoded_query());
  return true;
}

std::size_t head_content_length(const Response& response) {
  if (response.body.empty()) {
    if (auto declared = response.headers.get("Content-Length")) {
      std::size_t length = 0;
      const char* end = declared->data() + declared->size();
      if (auto [ptr, ec] = std::from_chars(declared->data(), end, length);
          ec == std::errc() && ptr == end) {
        return length;
      }
    }
  }
  return response.body.size();
}

bool status_has_no_body(int status) { return status / 100 == 1 || status == 204 || status == 304; }

std::string response_head(int status, const Headers& headers, unsigned version, bool keep_alive,
                          std::string_view request_id, std::optional<std::size_t> content_length,
                          std::string storage) {
  const std::string_view reason =
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  HeadWriter out(fields_size(headers) + reason.size() + request_id.size() + 96, std::move(storage));
  out.put(version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ");
  out.put(static_cast<std::size_t>(status)).put(" ").put(reason).put("\r\n");
  for (std::size_t at = 0; at < headers.size(); ++at) {
    const auto [name, value] = headers.field(at);
    if (is_framing(name) || (!request_id.empty() && ascii_iequals(name, "X-Request-Id"))) continue;
    out.field(name, value, headers.checked(at));
  }
  if (!request_id.empty()) out.field("X-Request-Id", request_id);
  if (version >= 11 && !keep_alive) out.put("Connection: close\r\n");
  if (version < 11 && keep_alive) out.put("Connection: keep-alive\r\n");
  if (content_length) out.put("Content-Length: ").put(*content_length).put("\r\n");
  out.put("\r\n");
  return out.finish();
}

std::string request_head(const Request& request, std::string_view host,
                         std::initializer_list<ExtraField> extra, std::string storage) {
  const std::string_view method = request.method == Method::kOther
                                      ? std::string_view(request.method_text)
                                      : method_name(request.method);
  const std::string_view target =
      request.target.empty() ? std::string_view("/") : std::string_view(request.target);
  std::size_t extra_size = 0;
  for (const auto& field : extra) extra_size += field.name.size() + field.value.size() + 4;
  HeadWriter out(fields_size(request.headers) + target.size() + host.size() + extra_size + 64,
                 std::move(storage));
  out.put(method).put(" ").put(target).put(" HTTP/1.1\r\n");
  bool has_host = false;
  const Headers& headers = request.headers;
  for (std::size_t at = 0; at < headers.size(); ++at) {
    const Headers::Field field = headers.field(at);
    const std::string_view name = field.name;
    if (is_framing(name)) continue;
    if (std::any_of(extra.begin(), extra.end(),
                    [&](const ExtraField& own) { return ascii_iequals(name, own.name); })) {
      continue;
    }
    has_host = has_host || ascii_iequals(name, "Host");
    out.field(name, field.value, headers.checked(at));
  }
  if (!has_host) out.field("Host", host);
  for (const auto& field : extra) out.field(field.name, field.value, field.checked);
  const bool declares_empty = request.method == Method::kPost || request.method == Method::kPut ||
                              request.method == Method::kOptions;
  if (!request.body.empty() || declares_empty) {
    out.put("Content-Length: ").put(request.body.size()).put("\r\n");
  }
  out.put("\r\n");
  return out.finish();
}

namespace {

thread_local std::string spare_head;

}  // namespace

std::string take_head_storage() { return std::exchange(spare_head, {}); }

void give_back_head_storage(std::string head) {
  constexpr std::size_t kKept = std::size_t{16} * 1024;
  if (head.capacity() <= kKept && head.capacity() > spare_head.capacity()) {
    spare_head = std::move(head);
  }
}

}  // namespace hotel::http
