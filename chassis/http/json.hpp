// JSON request and response helpers for handlers.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::http {

// Parses the request body as a JSON object. Throws UnsupportedMediaType when the content type
// is not JSON, BadRequest("body", ...) when it is not valid JSON (or invalid UTF-8) or not an
// object.
boost::json::object parse_json_object(const Request& request);

Response json_response(int status, const boost::json::value& body);

// Typed field readers that throw BadRequest naming the field ("prefix.name").
std::string require_string(const boost::json::object& object, std::string_view name,
                           std::string_view prefix = {});
std::optional<std::string> optional_string(const boost::json::object& object, std::string_view name,
                                           std::string_view prefix = {});
std::int64_t require_int(const boost::json::object& object, std::string_view name,
                         std::string_view prefix = {});

// Reads an integer query parameter within [min, max]; BadRequest naming it otherwise.
std::int64_t query_int(const Request& request, std::string_view name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max);

}  // namespace hotel::http
