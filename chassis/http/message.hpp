// The chassis' own request and response types. Handlers see these, never Beast's, so that
// Beast stays inside the server and client translation units.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotel::auth {
struct Principal;
}

namespace hotel::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view method_name(Method method);
Method parse_method(std::string_view name);

// Whether two texts are equal ignoring the case of ASCII letters (field names, tokens); no locale.
bool ascii_iequals(std::string_view a, std::string_view b);

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  // The first field of that name's value, without a copy; null when there is none. Valid until
  // the fields change.
  const std::string* find(std::string_view name) const;
  std::optional<std::string> get(std::string_view name) const;
  std::string get_or(std::string_view name, std::string_view fallback) const;
  bool has(std::string_view name) const;
  // Replaces every field of that name with one.
  void set(std::string name, std::string value);
  void add(std::string name, std::string value);
  void remove(std::string_view name);
  // Removes every field whose name `pred(std::string_view)` holds for.
  template <class Pred>
  void remove_if(Pred pred) {
    std::erase_if(fields_, [&](const auto& field) { return pred(std::string_view(field.first)); });
  }
  void reserve(std::size_t count) { fields_.reserve(count); }
  void clear() { fields_.clear(); }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
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
  // The W3C traceparent header value for a call made from this hop.
  std::string traceparent() const;
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
  static Response text(int status, std::string body, std::string content_type = "text/plain");
  static Response empty(int status);
};

}  // namespace hotel::http
