#include "services/search/domain/ranking.hpp"

#include <gtest/gtest.h>

namespace hotel::search::domain {
namespace {

// Hotels east of (0, 0) along the equator, about 11.1 km apart.
std::vector<Candidate> along_the_equator(int n) {
  std::vector<Candidate> hotels;
  for (int i = 0; i < n; ++i) {
    Candidate c;
    c.doc = i;
    c.id = "h" + std::to_string(100 + i);
    c.at = {0.0, 0.1 * i};
    c.stars = 1 + i % 5;
    c.price = 10'000 - 100 * (i % 7);
    c.city = i % 2 == 0 ? "Even" : "Odd";
    c.country = "XX";
    hotels.push_back(c);
  }
  return hotels;
}

SearchQuery near_query(double radius_km, SortOrder sort, int limit) {
  SearchQuery q;
  q.near = Near{{0.0, 0.0}, radius_km};
  q.sort = sort;
  q.limit = limit;
  return q;
}

std::vector<std::string> ids(const std::vector<Candidate>& page) {
  std::vector<std::string> out;
  for (const auto& c : page) out.push_back(c.id);
  return out;
}

TEST(SearchRanking, KeepsTheCircleAndSortsByDistance) {
  const auto ranked = rank_near(along_the_equator(20), near_query(50, SortOrder::kDistance, 3));
  EXPECT_EQ(ids(ranked.page), (std::vector<std::string>{"h100", "h101", "h102"}));
  EXPECT_TRUE(ranked.more);
  EXPECT_NEAR(ranked.page[1].distance_km, 11.12, 0.01);
  ASSERT_TRUE(ranked.facets.has_value());
  EXPECT_EQ(ranked.facets->total, 5);  // 0, 11, 22, 33, 44 km
  ASSERT_EQ(ranked.facets->cities.size(), 2u);
  EXPECT_EQ(ranked.facets->cities[0].city, "Even");
  EXPECT_EQ(ranked.facets->cities[0].count, 3);
}

// Walking the pages with cursors yields every hotel once, in order, for every sort.
TEST(SearchRanking, PagesChainWithoutGapsOrRepeats) {
  for (const auto sort : {SortOrder::kPrice, SortOrder::kRating, SortOrder::kDistance}) {
    auto q = near_query(150, sort, 4);
    const auto all = rank_near(along_the_equator(30), near_query(150, sort, 100)).page;
    std::vector<std::string> walked;
    for (int guard = 0; guard < 20; ++guard) {
      const auto ranked = rank_near(along_the_equator(30), q);
      if (q.after) {
        EXPECT_FALSE(ranked.facets.has_value());
      }
      for (const auto& c : ranked.page) walked.push_back(c.id);
      if (!ranked.more) break;
      const auto& last = ranked.page.back();
      q.after =
          SortKey{sort == SortOrder::kPrice ? last.price : last.stars, last.distance_km, last.id};
    }
    EXPECT_EQ(walked, ids(all)) << sort_name(sort);
    EXPECT_EQ(walked.size(), 14u);
  }
}

TEST(SearchRanking, OrdersByEachSortThenId) {
  EXPECT_TRUE(comes_before({100, 0, "b"}, {200, 0, "a"}, SortOrder::kPrice));
  EXPECT_TRUE(comes_before({100, 0, "a"}, {100, 0, "b"}, SortOrder::kPrice));
  EXPECT_TRUE(comes_before({5, 0, "z"}, {4, 0, "a"}, SortOrder::kRating));
  EXPECT_TRUE(comes_before({0, 1.5, "z"}, {0, 2.5, "a"}, SortOrder::kDistance));
  EXPECT_FALSE(comes_before({1, 0, "a"}, {1, 0, "a"}, SortOrder::kPrice));
}

TEST(SearchRanking, FacetsCountCitiesMostFirstAndStarsHighestFirst) {
  FacetCounter counter;
  counter.add("Rome", "IT", 3);
  counter.add("Rome", "IT", 4);
  counter.add("Rome", "US", 4);
  counter.add("Milan", "IT", 5);
  counter.add("Milan", "IT", 3);
  const auto f = counter.facets(2);
  EXPECT_EQ(f.total, 5);
  ASSERT_EQ(f.cities.size(), 2u);
  EXPECT_EQ(f.cities[0].city, "Milan");  // 2 each: by name
  EXPECT_EQ(f.cities[1].city, "Rome");
  EXPECT_EQ(f.cities[1].country, "IT");
  ASSERT_EQ(f.stars.size(), 3u);
  EXPECT_EQ(f.stars[0].stars, 5);
  EXPECT_EQ(f.stars[2].stars, 3);
  EXPECT_EQ(f.stars[2].count, 2);
}

}  // namespace
}  // namespace hotel::search::domain
