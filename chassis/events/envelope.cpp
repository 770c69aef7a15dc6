#include "chassis/events/envelope.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>

#include <boost/json/string.hpp>

namespace hotel::events {
namespace {

const boost::json::object& as_object(const boost::json::value& json) {
  if (!json.is_object()) throw EnvelopeError("(envelope)", "must be a JSON object");
  return json.get_object();
}

// The string attribute `name`; nullptr when absent (or null) and not required.
const boost::json::string* string_attribute(const boost::json::object& json, const char* name,
                                            bool required) {
  const auto* value = json.if_contains(name);
  if (value == nullptr || value->is_null()) {
    if (required) throw EnvelopeError(name, "is required");
    return nullptr;
  }
  if (!value->is_string()) throw EnvelopeError(name, "must be a string");
  if (required && value->get_string().empty()) throw EnvelopeError(name, "must not be empty");
  return &value->get_string();
}

std::string optional_string(const boost::json::object& json, const char* name) {
  const auto* value = string_attribute(json, name, false);
  return value == nullptr ? std::string() : std::string(*value);
}

std::int64_t sequence_attribute(const boost::json::object& json) {
  const auto* value = json.if_contains("sequence");
  if (value == nullptr || value->is_null()) throw EnvelopeError("sequence", "is required");
  std::int64_t sequence = 0;
  if (value->is_int64()) {
    sequence = value->get_int64();
  } else if (value->is_uint64() && value->get_uint64() <= INT64_MAX) {
    sequence = static_cast<std::int64_t>(value->get_uint64());
  } else if (value->is_string()) {
    const auto& text = value->get_string();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), sequence);
    if (error != std::errc() || end != text.data() + text.size()) {
      throw EnvelopeError("sequence", "must be a decimal integer");
    }
  } else {
    throw EnvelopeError("sequence", "must be an integer");
  }
  if (sequence < 1) throw EnvelopeError("sequence", "must be positive");
  return sequence;
}

bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return false;
  }
  return true;
}

}  // namespace

boost::json::object to_json(const Event& event) {
  boost::json::object json;
  json["specversion"] = kSpecVersion;
  json["id"] = event.id;
  json["source"] = event.source;
  json["type"] = event.type;
  if (!event.subject.empty()) json["subject"] = event.subject;
  if (!event.time.empty()) json["time"] = event.time;
  json["sequence"] = event.sequence;
  if (!event.traceparent.empty()) json["traceparent"] = event.traceparent;
  json["datacontenttype"] = event.datacontenttype;
  json["data"] = event.data;
  return json;
}

Event from_json(const boost::json::value& value) {
  const auto& json = as_object(value);
  const auto* spec = string_attribute(json, "specversion", true);
  if (*spec != kSpecVersion) throw EnvelopeError("specversion", "must be \"1.0\"");
  Event event;
  event.id = *string_attribute(json, "id", true);
  event.source = *string_attribute(json, "source", true);
  event.type = *string_attribute(json, "type", true);
  event.subject = optional_string(json, "subject");
  event.time = optional_string(json, "time");
  if (!event.time.empty() && !is_rfc3339(event.time)) {
    throw EnvelopeError("time", "must be an RFC 3339 date-time");
  }
  event.sequence = sequence_attribute(json);
  event.traceparent = optional_string(json, "traceparent");
  if (const auto* type = string_attribute(json, "datacontenttype", false)) {
    event.datacontenttype = *type;
  }
  if (const auto* data = json.if_contains("data")) event.data = *data;
  return event;
}

std::string format_rfc3339(std::chrono::system_clock::time_point time) {
  const auto since_epoch = time.time_since_epoch();
  const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
  const std::time_t whole = seconds.count();
  std::tm utc{};
  gmtime_r(&whole, &utc);
  std::array<char, 96> buffer{};  // room for any int the format could print
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                utc.tm_sec, static_cast<int>(millis));
  return buffer.data();
}

bool is_rfc3339(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  if (!digits(text, 0, 4) || text.size() < 20 || text[4] != '-' || !digits(text, 5, 2) ||
      text[7] != '-' || !digits(text, 8, 2) || (text[10] != 'T' && text[10] != 't') ||
      !digits(text, 11, 2) || text[13] != ':' || !digits(text, 14, 2) || text[16] != ':' ||
      !digits(text, 17, 2)) {
    return false;
  }
  std::size_t at = 19;
  if (text[at] == '.') {
    const std::size_t start = ++at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0) ++at;
    if (at == start) return false;
  }
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) &&
         zone[3] == ':' && digits(zone, 4, 2);
}

}  // namespace hotel::events
