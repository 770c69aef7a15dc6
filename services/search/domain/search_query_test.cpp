#include "services/search/domain/search_query.hpp"

#include <gtest/gtest.h>

#include "services/search/domain/dates.hpp"

namespace hotel::search::domain {
namespace {

const std::int64_t kToday = *parse_iso_date("2024-05-01");

SearchQuery ok(const QueryParams& params) {
  auto result = parse_search_query(params, kToday);
  if (!result) {
    ADD_FAILURE() << result.error().field << ": " << result.error().why;
    return {};
  }
  return result.value();
}

std::string refused(const QueryParams& params) {
  const auto result = parse_search_query(params, kToday);
  return result ? "(accepted)" : result.error().field;
}

TEST(SearchQueryParse, DefaultsWithoutParameters) {
  const auto q = ok({});
  EXPECT_EQ(q.sort, SortOrder::kRating);
  EXPECT_EQ(q.limit, kDefaultLimit);
  EXPECT_FALSE(q.filtered());
  EXPECT_FALSE(q.after.has_value());
}

TEST(SearchQueryParse, ReadsEveryFilter) {
  const auto q = ok({{"city", " São "},
                     {"q", "rooftop Pool"},
                     {"min_stars", "3"},
                     {"min_price", "5000"},
                     {"max_price", "20000"},
                     {"guests", "2"},
                     {"check_in", "2024-05-10"},
                     {"check_out", "2024-05-12"},
                     {"lat", "-23.55"},
                     {"lon", "-46.63"},
                     {"radius_km", "12.5"},
                     {"sort", "price"},
                     {"limit", "50"}});
  EXPECT_EQ(q.city_key, "sao");
  EXPECT_EQ(q.text, R"("rooftop" "Pool"*)");
  EXPECT_EQ(q.min_stars, 3);
  EXPECT_EQ(q.min_price, 5000);
  EXPECT_EQ(q.max_price, 20000);
  EXPECT_EQ(q.guests, 2);
  ASSERT_TRUE(q.stay.has_value());
  EXPECT_EQ(q.stay->check_out - q.stay->check_in, 2);
  ASSERT_TRUE(q.near.has_value());
  EXPECT_DOUBLE_EQ(q.near->radius_km, 12.5);
  EXPECT_EQ(q.sort, SortOrder::kPrice);
  EXPECT_EQ(q.limit, 50);
  EXPECT_TRUE(q.filters_offers());
}

TEST(SearchQueryParse, NearSortsByDistanceUnlessTold) {
  const auto q = ok({{"lat", "1"}, {"lon", "2"}});
  EXPECT_EQ(q.sort, SortOrder::kDistance);
  EXPECT_DOUBLE_EQ(q.near->radius_km, kDefaultRadiusKm);
}

TEST(SearchQueryParse, EveryBadParameterIsNamed) {
  EXPECT_EQ(refused({{"town", "x"}}), "town");
  EXPECT_EQ(refused({{"city", "a"}, {"city", "b"}}), "city");
  EXPECT_EQ(refused({{"city", "--"}}), "city");
  EXPECT_EQ(refused({{"city", std::string(101, 'a')}}), "city");
  EXPECT_EQ(refused({{"q", "  ..  "}}), "q");
  EXPECT_EQ(refused({{"min_stars", "6"}}), "min_stars");
  EXPECT_EQ(refused({{"min_stars", "three"}}), "min_stars");
  EXPECT_EQ(refused({{"min_price", "-1"}}), "min_price");
  EXPECT_EQ(refused({{"max_price", "1.5"}}), "max_price");
  EXPECT_EQ(refused({{"min_price", "500"}, {"max_price", "100"}}), "max_price");
  EXPECT_EQ(refused({{"guests", "0"}}), "guests");
  EXPECT_EQ(refused({{"lat", "91"}, {"lon", "0"}}), "lat");
  EXPECT_EQ(refused({{"lat", "1"}, {"lon", "east"}}), "lon");
  EXPECT_EQ(refused({{"lat", "nan"}, {"lon", "0"}}), "lat");
  EXPECT_EQ(refused({{"lat", "1"}}), "lon");
  EXPECT_EQ(refused({{"lon", "1"}}), "lat");
  EXPECT_EQ(refused({{"radius_km", "5"}}), "radius_km");
  EXPECT_EQ(refused({{"lat", "1"}, {"lon", "1"}, {"radius_km", "0"}}), "radius_km");
  EXPECT_EQ(refused({{"lat", "1"}, {"lon", "1"}, {"radius_km", "501"}}), "radius_km");
  EXPECT_EQ(refused({{"sort", "cheapest"}}), "sort");
  EXPECT_EQ(refused({{"sort", "distance"}}), "sort");
  EXPECT_EQ(refused({{"limit", "0"}}), "limit");
  EXPECT_EQ(refused({{"limit", "101"}}), "limit");
  EXPECT_EQ(refused({{"cursor", "garbage"}}), "cursor");
}

TEST(SearchQueryParse, StayDatesAreValidated) {
  EXPECT_EQ(refused({{"check_in", "2024-05-10"}}), "check_out");
  EXPECT_EQ(refused({{"check_out", "2024-05-10"}}), "check_in");
  EXPECT_EQ(refused({{"check_in", "2024-02-30"}, {"check_out", "2024-05-10"}}), "check_in");
  EXPECT_EQ(refused({{"check_in", "2024-04-30"}, {"check_out", "2024-05-02"}}), "check_in");
  EXPECT_EQ(refused({{"check_in", "2024-05-10"}, {"check_out", "2024-05-10"}}), "check_out");
  EXPECT_EQ(refused({{"check_in", "2024-05-10"}, {"check_out", "2024-06-10"}}), "check_out");
  ok({{"check_in", "2024-05-01"}, {"check_out", "2024-05-31"}});  // 30 nights, from today
}

TEST(SearchQueryParse, ACursorOnlyFitsItsOwnQuery) {
  const auto first = ok({{"city", "sao"}, {"sort", "price"}});
  const auto cursor = encode_cursor({SortOrder::kPrice, first.fingerprint, {15000, 0, 3}});
  const auto next = ok({{"city", "SÃO"}, {"sort", "price"}, {"cursor", cursor}, {"limit", "5"}});
  ASSERT_TRUE(next.after.has_value());
  EXPECT_EQ(next.after->number, 15000);
  EXPECT_EQ(next.after->doc, 3);
  EXPECT_EQ(refused({{"city", "rio"}, {"sort", "price"}, {"cursor", cursor}}), "cursor");
  EXPECT_EQ(refused({{"city", "sao"}, {"sort", "rating"}, {"cursor", cursor}}), "cursor");
}

TEST(SearchQueryParse, TextBecomesAQuotedFts5Expression) {
  EXPECT_EQ(text_match("grand pala"), R"("grand" "pala"*)");
  EXPECT_EQ(text_match(R"(NEAR("x" OR y)*)"), R"("NEAR" "x" "OR" "y"*)");
  EXPECT_EQ(text_match("São"), R"("São"*)");
  EXPECT_FALSE(text_match(" - ").has_value());
  const auto many = text_match("a b c d e f g h i j k l m");
  EXPECT_EQ(*many, R"("a" "b" "c" "d" "e" "f" "g" "h" "i" "j"*)");
}

}  // namespace
}  // namespace hotel::search::domain
