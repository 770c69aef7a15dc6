#include "services/search/domain/cursor.hpp"

#include <gtest/gtest.h>

#include "chassis/auth/base64url.hpp"

namespace hotel::search::domain {
namespace {

TEST(SearchCursor, RoundTripsEverySort) {
  for (const auto sort : {SortOrder::kPrice, SortOrder::kRating}) {
    const Cursor cursor{sort, fingerprint("q"), {15000, 0, 17}};
    const auto back = decode_cursor(encode_cursor(cursor));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->sort, sort);
    EXPECT_EQ(back->fingerprint, cursor.fingerprint);
    EXPECT_EQ(back->after.number, 15000);
    EXPECT_EQ(back->after.doc, 17);
  }
}

TEST(SearchCursor, DistancesRoundTripExactly) {
  const double distance = 12.345678901234567;
  const Cursor cursor{SortOrder::kDistance, "f", {0, distance, 123456789012}};
  const auto back = decode_cursor(encode_cursor(cursor));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->after.distance, distance);  // bit for bit
  EXPECT_EQ(back->after.doc, 123456789012);
}

TEST(SearchCursor, RefusesAnythingElse) {
  EXPECT_FALSE(decode_cursor(""));
  EXPECT_FALSE(decode_cursor("not base64!"));
  EXPECT_TRUE(decode_cursor(auth::base64url_encode("c2|price|f|100|7")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|price|f|abc|7")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|cheapest|f|1|7")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c1|price|f|1|7")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|price|f|1|")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|price|f|1|h-1")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|price|f|1|0")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|distance|f|nan|7")));
  EXPECT_FALSE(decode_cursor(auth::base64url_encode("c2|distance|f|-1|7")));
  EXPECT_FALSE(decode_cursor(std::string(600, 'A')));
}

TEST(SearchCursor, SortNames) {
  EXPECT_EQ(parse_sort("price"), SortOrder::kPrice);
  EXPECT_EQ(parse_sort("rating"), SortOrder::kRating);
  EXPECT_EQ(parse_sort("distance"), SortOrder::kDistance);
  EXPECT_FALSE(parse_sort("Price"));
}

TEST(SearchCursor, FingerprintsAreStableAndDiffer) {
  EXPECT_EQ(fingerprint("city=sao"), fingerprint("city=sao"));
  EXPECT_NE(fingerprint("city=sao"), fingerprint("city=sap"));
  EXPECT_EQ(fingerprint("").size(), 16u);
}

}  // namespace
}  // namespace hotel::search::domain
