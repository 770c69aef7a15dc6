#include "services/hotels/domain/codes.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "services/hotels/domain/text_rules.hpp"

namespace hotel::hotels::domain {
namespace {

TEST(HotelsCodesTest, CountriesAndCurrencies) {
  for (const auto* code : {"PT", "NL", "JP", "AU", "MA", "US", "AX", "ZW"}) {
    EXPECT_TRUE(is_country_code(code)) << code;
  }
  for (const auto* code : {"", "pt", "XX", "UK", "EU", "PRT"}) EXPECT_FALSE(is_country_code(code));
  for (const auto* code : {"EUR", "USD", "JPY", "AUD", "MAD", "CHF"}) {
    EXPECT_TRUE(is_currency_code(code)) << code;
  }
  for (const auto* code : {"", "eur", "XTS", "XAU", "ABC", "EURO"}) {
    EXPECT_FALSE(is_currency_code(code)) << code;
  }
}

TEST(HotelsCodesTest, AmenitiesAreSortedForLookup) {
  const auto words = amenities();
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
  EXPECT_TRUE(is_amenity("wifi"));
  EXPECT_FALSE(is_amenity("WiFi"));
}

TEST(HotelsCodesTest, TextRules) {
  EXPECT_FALSE(check_text("Caf\xc3\xa9", {TextRule::Kind::kLine, 1, 4}));  // 4 code points
  EXPECT_TRUE(check_text("Caf\xc3\xa9!", {TextRule::Kind::kLine, 1, 4}));
  EXPECT_TRUE(check_text("a\x7f", kHotelNameRule));
  EXPECT_TRUE(check_text("", kHotelNameRule));
  EXPECT_FALSE(check_text("", kDescriptionRule));
  EXPECT_FALSE(check_text("0a1b-2c", kRoomTypeIdRule));
  EXPECT_TRUE(check_text("A", kRoomTypeIdRule));
  EXPECT_TRUE(check_text("caf\xc3\xa9", kUserIdRule));
  EXPECT_TRUE(is_time_of_day("00:00"));
  EXPECT_TRUE(is_time_of_day("23:59"));
  EXPECT_FALSE(is_time_of_day("23:5"));
  EXPECT_FALSE(is_time_of_day("ab:cd"));
}

}  // namespace
}  // namespace hotel::hotels::domain
