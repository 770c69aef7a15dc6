#include "services/search/domain/ranking.hpp"

#include <gtest/gtest.h>

namespace hotel::search::domain {
namespace {

// Hotels 1..n with prices, stars and distances that tie often.
std::vector<Hit> hits(SortOrder sort, int n) {
  std::vector<Hit> out;
  for (int doc = 1; doc <= n; ++doc) {
    const std::int64_t price = 10'000 - 100 * (doc % 7);
    const double distance = 0.5 * (doc % 9);
    out.push_back({key_for(sort, doc, price, 1 + doc % 5, distance), price, distance});
  }
  return out;
}

SearchQuery query(SortOrder sort, int limit) {
  SearchQuery q;
  q.sort = sort;
  q.limit = limit;
  return q;
}

std::vector<std::int64_t> docs(const std::vector<Hit>& page) {
  std::vector<std::int64_t> out;
  for (const auto& h : page) out.push_back(h.key.doc);
  return out;
}

TEST(SearchRanking, KeepsTheFirstPageInOrder) {
  PageCollector collector(query(SortOrder::kPrice, 3));
  for (auto& h : hits(SortOrder::kPrice, 20)) collector.offer(h);
  const auto page = std::move(collector).take();
  // prices 9400 at docs 6, 13, 20; then 9500 at 5, 12, 19
  EXPECT_EQ(docs(page.hits), (std::vector<std::int64_t>{6, 13, 20}));
  EXPECT_TRUE(page.more);
}

// Walking the pages with cursors yields every hotel once, in order, for every sort.
TEST(SearchRanking, PagesChainWithoutGapsOrRepeats) {
  for (const auto sort : {SortOrder::kPrice, SortOrder::kRating, SortOrder::kDistance}) {
    auto all = hits(sort, 30);
    std::sort(all.begin(), all.end(),
              [&](const Hit& a, const Hit& b) { return comes_before(a.key, b.key, sort); });
    auto q = query(sort, 4);
    std::vector<std::int64_t> walked;
    for (int guard = 0; guard < 20; ++guard) {
      PageCollector collector(q);
      for (auto& h : hits(sort, 30)) collector.offer(h);
      const auto page = std::move(collector).take();
      for (const auto& h : page.hits) walked.push_back(h.key.doc);
      if (!page.more) break;
      q.after = page.hits.back().key;
    }
    EXPECT_EQ(walked, docs(all)) << sort_name(sort);
  }
}

TEST(SearchRanking, OrdersByEachSortThenDoc) {
  EXPECT_TRUE(comes_before({100, 0, 2}, {200, 0, 1}, SortOrder::kPrice));
  EXPECT_TRUE(comes_before({100, 0, 1}, {100, 0, 2}, SortOrder::kPrice));
  EXPECT_TRUE(comes_before({5, 0, 9}, {4, 0, 1}, SortOrder::kRating));
  EXPECT_TRUE(comes_before({0, 1.5, 9}, {0, 2.5, 1}, SortOrder::kDistance));
  EXPECT_FALSE(comes_before({1, 0, 1}, {1, 0, 1}, SortOrder::kPrice));
}

TEST(SearchRanking, CityFacetsMostFirstThenByName) {
  TopCities top(2);
  top.offer({"Rome", "US", 1});
  top.offer({"Rome", "IT", 2});
  top.offer({"Milan", "IT", 2});
  top.offer({"Turin", "IT", 0});
  const auto cities = std::move(top).take();
  ASSERT_EQ(cities.size(), 2u);
  EXPECT_EQ(cities[0].city, "Milan");  // 2 each: by name
  EXPECT_EQ(cities[1].city, "Rome");
  EXPECT_EQ(cities[1].country, "IT");
}

}  // namespace
}  // namespace hotel::search::domain
