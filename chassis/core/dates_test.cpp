#include "chassis/core/dates.hpp"

#include <gtest/gtest.h>

namespace hotel::core {
namespace {

using namespace std::chrono;

TEST(CalendarDates, ParsesValidIsoDates) {
  EXPECT_EQ(parse_iso_date("1970-01-01"), 0);
  EXPECT_EQ(parse_iso_date("1970-01-02"), 1);
  EXPECT_EQ(parse_iso_date("2024-03-01").value() - parse_iso_date("2024-02-28").value(), 2);
  EXPECT_EQ(parse_iso_date("2023-03-01").value() - parse_iso_date("2023-02-28").value(), 1);
}

TEST(CalendarDates, FormatsDaysBackToIsoDates) {
  EXPECT_EQ(format_iso_date(0), "1970-01-01");
  for (const char* date : {"2024-02-29", "2026-12-31", "2000-03-01", "9999-12-31", "2100-02-28"}) {
    EXPECT_EQ(format_iso_date(parse_iso_date(date).value()), date);
  }
}

TEST(CalendarDates, RefusesImpossibleOrMalformedDates) {
  for (const char* bad :
       {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-01", "2024/04/01",
        "20240401", "2024-04-01T00:00", " 2024-04-01", "abcd-ef-gh", "1969-12-31", ""}) {
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << bad;
  }
  EXPECT_TRUE(parse_iso_date("2000-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("1900-02-29").has_value());
}

TEST(CalendarDates, UtcDayOfATimePoint) {
  const auto t = sys_days(year(2024) / 5 / 1) + hours(23) + minutes(59);
  EXPECT_EQ(utc_day(t), parse_iso_date("2024-05-01"));
}

TEST(CalendarDates, ParsesRfc3339WithFractionsAndOffsets) {
  const auto base = sys_days(year(2024) / 5 / 1) + hours(12) + minutes(34) + seconds(56);
  EXPECT_EQ(parse_rfc3339("2024-05-01T12:34:56Z"), base);
  EXPECT_EQ(parse_rfc3339("2024-05-01T12:34:56.789Z"), base + milliseconds(789));
  EXPECT_EQ(parse_rfc3339("2024-05-01t12:34:56.5z"), base + milliseconds(500));
  EXPECT_EQ(parse_rfc3339("2024-05-01T14:34:56+02:00"), base);
  EXPECT_EQ(parse_rfc3339("2024-05-01T10:04:56-02:30"), base);
}

TEST(CalendarDates, RefusesMalformedTimestamps) {
  for (const char* bad :
       {"2024-05-01", "2024-05-01T12:34:56", "2024-05-01T25:00:00Z", "2024-05-01T12:34:56.Z",
        "2024-05-01T12:34:56+0200", "2024-05-01T12:34:56Zjunk", "2024-02-30T00:00:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace hotel::core
