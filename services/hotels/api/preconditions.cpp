#include "services/hotels/api/preconditions.hpp"

#include <charconv>

#include "chassis/http/errors.hpp"

namespace hotel::hotels::api {
// Appended rather than built with operator+: GCC 12 at -O3 reports a false -Wstringop-overflow on
// `"\"" + std::to_string(...)`.
std::string etag_of_version(std::int64_t version) {
  std::string etag = "\"";
  etag += std::to_string(version);
  etag += '"';
  return etag;
}

std::int64_t parse_if_match(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.size() < 3 || value.front() != '"' || value.back() != '"') {
    throw http::BadRequest("If-Match", "must be one ETag such as \"3\"", "invalid_header");
  }
  const auto digits = value.substr(1, value.size() - 2);
  std::int64_t version = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
  if (ec != std::errc() || end != digits.data() + digits.size() || version < 1) {
    throw http::BadRequest("If-Match", "must be one ETag such as \"3\"", "invalid_header");
  }
  return version;
}

std::int64_t required_version(const http::Request& request) {
  const auto value = request.headers.get("If-Match");
  if (!value) {
    throw http::PreconditionRequired("send If-Match with the ETag of the version you read");
  }
  return parse_if_match(*value);
}

std::optional<std::int64_t> optional_version(const http::Request& request) {
  const auto value = request.headers.get("If-Match");
  if (!value) return std::nullopt;
  return parse_if_match(*value);
}

}  // namespace hotel::hotels::api
