#include "chassis/http/json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>

#include "chassis/http/errors.hpp"

namespace hotel::http {
namespace {

std::string field_name(std::string_view prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

}  // namespace

boost::json::object parse_json_object(const Request& request) {
  auto type = request.headers.get_or("Content-Type", "");
  if (type.find("json") == std::string::npos) {
    throw UnsupportedMediaType("expected application/json, got '" + type + "'");
  }
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec);
  if (ec) throw BadRequest("body", "invalid JSON: " + ec.message(), "invalid_json");
  if (!value.is_object()) throw BadRequest("body", "expected a JSON object", "invalid_json");
  return std::move(value.as_object());
}

Response json_response(int status, const boost::json::value& body) {
  return Response::json(status, boost::json::serialize(body));
}

std::string require_string(const boost::json::object& object, std::string_view name,
                           std::string_view prefix) {
  auto value = optional_string(object, name, prefix);
  if (!value) throw BadRequest(field_name(prefix, name), "is required");
  return *value;
}

std::optional<std::string> optional_string(const boost::json::object& object, std::string_view name,
                                           std::string_view prefix) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) throw BadRequest(field_name(prefix, name), "must be a string");
  return std::string(value->as_string());
}

std::int64_t require_int(const boost::json::object& object, std::string_view name,
                         std::string_view prefix) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) {
    throw BadRequest(field_name(prefix, name), "is required");
  }
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  throw BadRequest(field_name(prefix, name), "must be an integer");
}

std::int64_t query_int(const Request& request, std::string_view name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end) {
    throw BadRequest(std::string(name), "must be an integer", "invalid_parameter");
  }
  if (value < min || value > max) {
    throw BadRequest(std::string(name),
                     "must be between " + std::to_string(min) + " and " + std::to_string(max),
                     "invalid_parameter");
  }
  return value;
}

}  // namespace hotel::http
