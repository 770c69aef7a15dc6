// The chassis' own request and response types. Handlers see these, never Beast's, so that
// Beast stays inside the server and client translation units.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotel::auth {
struct Principal;
class Verifier;
}  // namespace hotel::auth

namespace hotel::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view method_name(Method method);
Method parse_method(std::string_view name);

// Whether two texts are equal ignoring the case of ASCII letters (field names, tokens); no locale.
// Inline: field names are compared many times per message, most differing in length.
inline bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i] && lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Header fields in arrival order; names compare case-insensitively. The names and values are
// kept one after another in one string, so that a head of twenty fields costs two allocations
// (the text and the index), not one per long value; views handed out stay valid until the
// fields change. A field can be marked as checked: its name is a token and its text holds no
// CR, LF or NUL (what a parser accepted), so a head writer need not look again.
class Headers {
 public:
  struct Field {
    std::string_view name;
    std::string_view value;
  };
  // The fields in order, as Field by value (size, empty and field(at) are Headers' own).
  class Range {
   public:
    class Iterator {
     public:
      using difference_type = std::ptrdiff_t;
      using value_type = Field;
      Iterator() = default;
      Iterator(const Headers* headers, std::size_t at) : headers_(headers), at_(at) {}
      Field operator*() const { return headers_->field(at_); }
      Iterator& operator++() {
        ++at_;
        return *this;
      }
      Iterator operator++(int) {
        Iterator before = *this;
        ++at_;
        return before;
      }
      bool operator==(const Iterator& other) const { return at_ == other.at_; }

     private:
      const Headers* headers_ = nullptr;
      std::size_t at_ = 0;
    };
    explicit Range(const Headers& headers) : headers_(&headers) {}
    Iterator begin() const { return {headers_, 0}; }
    Iterator end() const { return {headers_, headers_->size()}; }

   private:
    const Headers* headers_;
  };

  // The first field of that name's value, without a copy; nullopt when there is none.
  std::optional<std::string_view> find(std::string_view name) const;
  std::optional<std::string> get(std::string_view name) const;
  std::string get_or(std::string_view name, std::string_view fallback) const;
  bool has(std::string_view name) const { return find(name).has_value(); }
  // Replaces every field of that name with one.
  void set(std::string_view name, std::string_view value);
  void add(std::string_view name, std::string_view value);
  // A parser's way in without a copy per field: the text of a head's field lines copied once
  // (take), then each field added as views into that text (add_taken), marked as checked: the
  // parser vouches that its name is a token and its value holds no CR, LF or NUL (not checked
  // here).
  struct Taken {
    std::string_view source;
    std::uint32_t base;
  };
  Taken take(std::string_view lines);
  void add_taken(const Taken& taken, std::string_view name, std::string_view value);
  // A field marked as checked after checking it here: its name a token, its value without CR,
  // LF or NUL (std::invalid_argument otherwise). For fields built once and copied into many
  // messages with add_all, which keeps the mark: a head writer does not look at them again.
  void add_checked(std::string_view name, std::string_view value);
  // Every field of `other`, keeping their marks; their text copied in one piece.
  void add_all(const Headers& other);
  void remove(std::string_view name);
  // Removes every field whose name `pred(std::string_view)` holds for.
  template <class Pred>
  void remove_if(Pred pred) {
    std::erase_if(entries_, [&](const Entry& entry) { return pred(name_of(entry)); });
  }
  // Room for `count` fields of `bytes` characters in all.
  void reserve(std::size_t count, std::size_t bytes = 0) {
    entries_.reserve(count);
    text_.reserve(bytes);
  }
  void clear() {
    entries_.clear();
    text_.clear();
  }
  Range fields() const { return Range(*this); }
  std::size_t size() const { return entries_.size(); }
  // Characters the fields' names and values take (those of removed fields included).
  std::size_t text_size() const { return text_.size(); }
  bool empty() const { return entries_.empty(); }
  Field field(std::size_t at) const { return {name_of(entries_[at]), value_of(entries_[at])}; }
  // Whether the field at `at` came from a parser (see take).
  bool checked(std::size_t at) const { return entries_[at].checked; }

 private:
  struct Entry {
    std::uint32_t name_at;  // where the name starts in text_
    std::uint32_t name_size;
    std::uint32_t value_at;
    std::uint32_t value_size;
    bool checked;
  };
  std::string_view name_of(const Entry& entry) const {
    return {text_.data() + entry.name_at, entry.name_size};
  }
  std::string_view value_of(const Entry& entry) const {
    return {text_.data() + entry.value_at, entry.value_size};
  }
  void append(std::string_view name, std::string_view value, bool checked);
  // Where `text` will start once appended; throws when offsets would pass 32 bits.
  std::uint32_t next_offset(std::size_t size) const;

  std::string text_;
  std::vector<Entry> entries_;
};

// What travels with a request through every hop: correlation ids and the deadline.
struct RequestContext {
  std::string request_id;
  std::string trace_id;        // 32 hex digits (W3C trace context)
  std::string span_id;         // 16 hex digits, this hop's span
  std::string parent_span_id;  // the caller's span, empty at the edge
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();

  // Time left before the deadline (never negative); max() when there is no deadline.
  std::chrono::milliseconds remaining() const;
  // The same as of `now`.
  std::chrono::milliseconds remaining(std::chrono::steady_clock::time_point now) const;
  // The W3C traceparent header value for a call made from this hop.
  std::string traceparent() const;
};

// What the auth middleware keeps of the bearer token it last admitted on a connection, so that
// the same Authorization value on the connection's next request costs a compare instead of the
// verified-token cache's keyed hash and lookup (auth::Verifier::recall). It belongs to the
// connection: the server keeps one Request per connection, and Request::clear leaves it.
struct AdmittedToken {
  std::string authorization;  // the Authorization field's value, byte for byte
  std::shared_ptr<const auth::Principal> principal;
  std::chrono::system_clock::time_point valid_until;  // when the cache would drop it too
  const auth::Verifier* verifier = nullptr;  // the one that admitted it (only it recalls it)
};

struct Request {
  Method method = Method::kGet;
  std::string method_text;  // as received, for kOther
  std::string target;       // origin-form target: path plus query
  std::string path;         // percent-decoded path
  std::string query;        // raw query string without '?'
  Headers headers;
  std::string body;
  std::string remote_address;
  std::map<std::string, std::string, std::less<>> path_params;
  std::string route_name;  // the matched route's pattern, for logs and metrics
  RequestContext context;
  // The verified caller, set by the auth middleware; null for anonymous requests.
  std::shared_ptr<const auth::Principal> principal;
  // Extra fields for this request's access-log line, set by middleware or handlers (the gateway
  // adds the upstream it called, its breaker state and the caller). `access_logged` is false
  // when the server writes no access log: nothing needs to be gathered then.
  std::vector<std::pair<std::string, std::string>> log_fields;
  bool access_logged = true;
  // The connection's, not this request's: kept by clear().
  AdmittedToken admitted;

  // Every member but `admitted` back to a fresh request's value, keeping the storage of its
  // strings and lists for the next request on the connection (request_test checks it against
  // Request{}).
  void clear();

  // The first value of a query parameter, percent-decoded.
  std::optional<std::string> query_param(std::string_view name) const;
  // A path parameter captured by the route pattern; empty when absent.
  const std::string& param(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body, std::string_view content_type = "text/plain");
  static Response empty(int status);
};

}  // namespace hotel::http
