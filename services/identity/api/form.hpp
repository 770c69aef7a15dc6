// application/x-www-form-urlencoded bodies and query strings ('+' is a space), as OAuth and the
// hosted UI's forms send them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chassis/http/message.hpp"

namespace hotel::identity::api {

class Form {
 public:
  // nullopt when `encoded` is not a valid query (a bad percent escape, for example).
  static std::optional<Form> parse(std::string_view encoded);

  // The first value of `name`; nullopt when absent.
  std::optional<std::string> get(std::string_view name) const;
  // The first value, or empty.
  std::string value(std::string_view name) const;
  // Whether `name` was sent more than once (OAuth requests must not repeat a parameter).
  bool repeated(std::string_view name) const;
  // The first parameter sent more than once, or empty.
  std::string first_repeated() const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Whether the request's body is form-encoded (by its Content-Type).
bool is_form_encoded(const http::Request& request);

// `text` percent-encoded for a query value or a form field (unreserved characters kept).
std::string url_encode(std::string_view text);

}  // namespace hotel::identity::api
