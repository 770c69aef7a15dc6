#include "chassis/events/envelope.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace hotel::events {
namespace {

Event sample() {
  Event event;
  event.id = "7d0c2a4e-1111-4222-8333-444455556666";
  event.source = "hotel/hotels";
  event.type = "hotel.created";
  event.subject = "h-1";
  event.time = "2024-05-01T12:34:56.789Z";
  event.sequence = 42;
  event.traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  event.data = boost::json::parse(R"({"name":"Grand","rooms":[1,2]})");
  return event;
}

std::string field_error(const std::string& json) {
  try {
    from_json(boost::json::parse(json));
  } catch (const EnvelopeError& error) {
    return error.field();
  }
  return "(no error)";
}

TEST(EnvelopeTest, RoundTripsEveryAttribute) {
  const Event original = sample();
  const auto json = to_json(original);
  EXPECT_EQ(json.at("specversion").as_string(), "1.0");
  EXPECT_EQ(json.at("sequence").as_int64(), 42);
  const Event back = from_json(json);
  EXPECT_EQ(back.id, original.id);
  EXPECT_EQ(back.source, original.source);
  EXPECT_EQ(back.type, original.type);
  EXPECT_EQ(back.subject, original.subject);
  EXPECT_EQ(back.time, original.time);
  EXPECT_EQ(back.sequence, original.sequence);
  EXPECT_EQ(back.traceparent, original.traceparent);
  EXPECT_EQ(back.datacontenttype, "application/json");
  EXPECT_EQ(back.data, original.data);
}

TEST(EnvelopeTest, LeavesOutEmptyOptionalAttributes) {
  Event event = sample();
  event.subject.clear();
  event.traceparent.clear();
  const auto json = to_json(event);
  EXPECT_FALSE(json.contains("subject"));
  EXPECT_FALSE(json.contains("traceparent"));
}

TEST(EnvelopeTest, AcceptsTheSequenceAsADecimalString) {
  const auto event = from_json(boost::json::parse(
      R"({"specversion":"1.0","id":"a","source":"s","type":"t","sequence":"17"})"));
  EXPECT_EQ(event.sequence, 17);
  EXPECT_TRUE(event.data.is_null());
}

TEST(EnvelopeTest, NamesTheFieldAtFault) {
  EXPECT_EQ(field_error(R"([])"), "(envelope)");
  EXPECT_EQ(field_error(R"({"id":"a","source":"s","type":"t","sequence":1})"), "specversion");
  EXPECT_EQ(field_error(R"({"specversion":"0.3","id":"a","source":"s","type":"t","sequence":1})"),
            "specversion");
  EXPECT_EQ(field_error(R"({"specversion":"1.0","source":"s","type":"t","sequence":1})"), "id");
  EXPECT_EQ(field_error(R"({"specversion":"1.0","id":"","source":"s","type":"t","sequence":1})"),
            "id");
  EXPECT_EQ(field_error(R"({"specversion":"1.0","id":"a","type":"t","sequence":1})"), "source");
  EXPECT_EQ(field_error(R"({"specversion":"1.0","id":"a","source":"s","type":7,"sequence":1})"),
            "type");
  EXPECT_EQ(field_error(R"({"specversion":"1.0","id":"a","source":"s","type":"t"})"), "sequence");
  EXPECT_EQ(
      field_error(R"({"specversion":"1.0","id":"a","source":"s","type":"t","sequence":"x1"})"),
      "sequence");
  EXPECT_EQ(field_error(R"({"specversion":"1.0","id":"a","source":"s","type":"t","sequence":0})"),
            "sequence");
  EXPECT_EQ(
      field_error(
          R"({"specversion":"1.0","id":"a","source":"s","type":"t","sequence":1,"time":"yesterday"})"),
      "time");
  EXPECT_EQ(
      field_error(
          R"({"specversion":"1.0","id":"a","source":"s","type":"t","sequence":1,"subject":5})"),
      "subject");
}

TEST(EnvelopeTest, FormatsAndRecognisesRfc3339) {
  const auto epoch_plus = std::chrono::system_clock::time_point(std::chrono::milliseconds(1'500));
  EXPECT_EQ(format_rfc3339(epoch_plus), "1970-01-01T00:00:01.500Z");
  EXPECT_TRUE(is_rfc3339("2024-05-01T12:34:56Z"));
  EXPECT_TRUE(is_rfc3339("2024-05-01T12:34:56.123456+02:00"));
  EXPECT_FALSE(is_rfc3339("2024-05-01 12:34:56"));
  EXPECT_FALSE(is_rfc3339("2024-05-01T12:34:56."));
  EXPECT_FALSE(is_rfc3339("2024-05-01T12:34:56+0200"));
}

}  // namespace
}  // namespace hotel::events
