// The event envelope: CloudEvents 1.0 in its JSON format (specversion, id, source, type, subject,
// time, datacontenttype, data) with two extension attributes: `sequence` (the producer's outbox
// position, an integer) and `traceparent` (W3C trace context, so a trace follows the event).
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace hotel::events {

inline constexpr const char* kSpecVersion = "1.0";
inline constexpr const char* kJsonContentType = "application/json";

struct Event {
  std::string id;
  std::string source;   // the producer, e.g. "hotel/hotels"
  std::string type;     // e.g. "hotel.created"
  std::string subject;  // the aggregate, e.g. the hotel id
  std::string time;     // RFC 3339, UTC
  std::int64_t sequence = 0;
  std::string traceparent;
  std::string datacontenttype = kJsonContentType;
  boost::json::value data;
};

// A JSON document that is not a valid envelope. field() names the attribute at fault.
class EnvelopeError : public std::runtime_error {
 public:
  EnvelopeError(std::string field, const std::string& why)
      : std::runtime_error("event attribute '" + field + "': " + why), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// Optional attributes that are empty are left out. `sequence` is written as a JSON integer.
boost::json::object to_json(const Event& event);

// Validates specversion "1.0" and the required attributes (id, source, type, sequence), checks the
// types of the optional ones and the shape of `time`. `sequence` may also be a decimal string
// (the CloudEvents sequence extension's own type). Throws EnvelopeError.
Event from_json(const boost::json::value& json);

// "2024-05-01T12:34:56.789Z"
std::string format_rfc3339(std::chrono::system_clock::time_point time);
// Whether `text` has the shape of an RFC 3339 date-time (it does not check the calendar).
bool is_rfc3339(std::string_view text);

}  // namespace hotel::events
