#include "services/search/storage/memory_hotel_index.hpp"

#include <gtest/gtest.h>

#include "services/search/testing/read_model_fixture.hpp"

namespace hotel::search::storage {
namespace {

using Ids = std::vector<std::string>;
namespace json = boost::json;

json::array rooms(std::initializer_list<std::pair<int, std::int64_t>> list) {
  json::array out;
  int n = 0;
  for (const auto& [capacity, price] : list) {
    out.push_back(json::object{{"id", "rt-" + std::to_string(++n)},
                               {"name", "Room"},
                               {"capacity", capacity},
                               {"count", 5},
                               {"price", json::object{{"amount", price}, {"currency", "EUR"}}}});
  }
  return out;
}

class SearchIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    model_.put("sp", 1,
               {{"city", "São Paulo"},
                {"stars", 4},
                {"name", "Paulista Palace"},
                {"room_types", rooms({{2, 15000}, {4, 26000}})}});
    model_.put("sp2", 1,
               {{"city", "São Paulo"},
                {"stars", 2},
                {"name", "Hostel Liberdade"},
                {"description", "Dormitory beds near the metro."},
                {"latitude", -23.5587},
                {"longitude", -46.6350},
                {"room_types", rooms({{1, 4000}})}});
    model_.put("ad", 1,
               {{"city", "Sant Julià de Lòria"},
                {"country", "AD"},
                {"stars", 3},
                {"name", "Hotel Coma Bella"},
                {"description", "Mountain views, ski lockers."},
                {"latitude", 42.4637},
                {"longitude", 1.4913},
                {"room_types", rooms({{2, 9000}, {3, 11000}})}});
    model_.put("zh", 1,
               {{"city", "Zürich"},
                {"country", "CH"},
                {"stars", 5},
                {"name", "Seehotel Zürich"},
                {"description", "Lake views and a café on the promenade."},
                {"latitude", 47.3769},
                {"longitude", 8.5417},
                {"room_types", json::array{}},
                {"base_price", json::object{{"amount", 30000}, {"currency", "CHF"}}}});
  }
  search::testing::ReadModelFixture model_;
};

TEST_F(SearchIndex, CityPrefixIgnoresCaseAndAccentsAndMatchesAnyWord) {
  EXPECT_EQ(model_.ids({{"city", "sao"}, {"sort", "price"}}), (Ids{"sp2", "sp"}));
  EXPECT_EQ(model_.ids({{"city", "SÃO PAU"}, {"sort", "price"}}), (Ids{"sp2", "sp"}));
  EXPECT_EQ(model_.ids({{"city", "LORIA"}}), Ids{"ad"});
  EXPECT_EQ(model_.ids({{"city", "julià de"}}), Ids{"ad"});
  EXPECT_EQ(model_.ids({{"city", "zur"}}), Ids{"zh"});
  EXPECT_TRUE(model_.ids({{"city", "aulo"}}).empty());  // a prefix, not a substring
}

TEST_F(SearchIndex, TextMatchesNameAndDescriptionWithoutAccents) {
  EXPECT_EQ(model_.ids({{"q", "cafe"}}), Ids{"zh"});
  EXPECT_EQ(model_.ids({{"q", "ski"}}), Ids{"ad"});
  EXPECT_EQ(model_.ids({{"q", "pala"}}), Ids{"sp"});  // the last word is a prefix
  EXPECT_EQ(model_.ids({{"q", "lake views"}}), Ids{"zh"});
  EXPECT_TRUE(model_.ids({{"q", "lake ski"}}).empty());                    // every word must match
  EXPECT_EQ(model_.ids({{"q", "\"views OR"}, {"sort", "price"}}), Ids{});  // no FTS5 syntax
}

TEST_F(SearchIndex, StarsPriceAndGuestsFilterOnTheSameRoomType) {
  EXPECT_EQ(model_.ids({{"min_stars", "4"}}), (Ids{"zh", "sp"}));
  EXPECT_EQ(model_.ids({{"guests", "3"}, {"sort", "price"}}), (Ids{"ad", "sp"}));
  // sp has a room for 4 at 26000 and one for 2 at 15000: no room for 3 within 20000
  EXPECT_EQ(model_.ids({{"guests", "3"}, {"max_price", "20000"}}), Ids{"ad"});
  EXPECT_EQ(model_.ids({{"min_price", "10000"}, {"max_price", "16000"}, {"sort", "price"}}),
            (Ids{"ad", "sp"}));
  // a hotel without room types has its base price but no room for any guest count
  EXPECT_EQ(model_.ids({{"min_price", "29000"}}), Ids{"zh"});
  EXPECT_TRUE(model_.ids({{"min_price", "29000"}, {"guests", "1"}}).empty());
}

TEST_F(SearchIndex, PriceSortUsesThePriceOfTheMatchingRoomType) {
  const auto page = model_.search({{"guests", "3"}, {"sort", "price"}});
  ASSERT_EQ(page.hotels.size(), 2u);
  EXPECT_EQ(page.hotels[0].price.amount, 11000);  // ad's room for 3, not its 9000 double
  EXPECT_EQ(page.hotels[1].price.amount, 26000);
  EXPECT_EQ(page.hotels[1].price.currency, "BRL");
}

TEST_F(SearchIndex, NearKeepsTheRadiusAndSortsByDistance) {
  const auto page = model_.search({{"lat", "-23.5614"}, {"lon", "-46.6559"}, {"radius_km", "5"}});
  ASSERT_EQ(page.hotels.size(), 2u);
  EXPECT_EQ(page.hotels[0].id, "sp");
  EXPECT_NEAR(*page.hotels[0].distance_km, 0.0, 1e-9);
  EXPECT_NEAR(*page.hotels[1].distance_km, 2.1, 0.2);
  EXPECT_EQ(page.hotels[1].name, "Hostel Liberdade");
  EXPECT_TRUE(model_.ids({{"lat", "-23.5614"}, {"lon", "-46.6559"}, {"radius_km", "1"}}) ==
              Ids{"sp"});
  EXPECT_EQ(model_.ids({{"lat", "-23.5614"}, {"lon", "-46.6559"}, {"sort", "price"}}),
            (Ids{"sp2", "sp"}));
}

TEST_F(SearchIndex, FacetsCountTheFilteredSetOnTheFirstPage) {
  const auto all = model_.search({{"limit", "1"}});
  ASSERT_TRUE(all.facets.has_value());
  EXPECT_EQ(all.facets->total, 4);
  EXPECT_EQ(all.facets->cities.at(0).city, "São Paulo");
  EXPECT_EQ(all.facets->cities.at(0).count, 2);
  EXPECT_EQ(all.facets->stars.front().stars, 5);
  const auto filtered = model_.search({{"min_stars", "3"}});
  ASSERT_TRUE(filtered.facets.has_value());
  EXPECT_EQ(filtered.facets->total, 3);
  EXPECT_EQ(filtered.facets->cities.size(), 3u);
  const auto near = model_.search({{"lat", "-23.5614"}, {"lon", "-46.6559"}});
  EXPECT_EQ(near.facets->total, 2);
  EXPECT_EQ(near.facets->cities.at(0).country, "BR");
}

// Walking a sort with cursors visits every hotel once, even when a hotel is added between
// pages (it may or may not show up), and the pages after the first carry no facets.
TEST_F(SearchIndex, CursorsWalkEverySortWithoutGapsOrRepeats) {
  for (int i = 0; i < 23; ++i) {
    model_.put("x" + std::to_string(i), 1,
               {{"city", "Porto"},
                {"stars", 1 + i % 5},
                {"room_types", rooms({{2, 5000 + 1000 * (i % 4)}})}});
  }
  for (const char* sort : {"price", "rating"}) {
    std::vector<std::string> walked;
    std::optional<std::string> cursor;
    for (int pages = 0; pages < 20; ++pages) {
      domain::QueryParams params{{"city", "porto"}, {"sort", sort}, {"limit", "5"}};
      if (cursor) params.emplace_back("cursor", *cursor);
      const auto page = model_.search(params);
      EXPECT_EQ(page.facets.has_value(), !cursor.has_value());
      for (const auto& h : page.hotels) walked.push_back(h.id);
      if (pages == 1) {
        model_.put(std::string("new-") + sort, 1,
                   {{"city", "Porto"}, {"room_types", rooms({{2, 5500}})}});
      }
      if (!page.next) break;
      cursor = domain::encode_cursor(*page.next);
    }
    auto sorted = walked;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end()) << sort;
    std::erase_if(walked, [](const std::string& id) { return id.starts_with("new-"); });
    EXPECT_EQ(walked.size(), 23u) << sort;
  }
}

TEST_F(SearchIndex, APassedDeadlineIsATimeout) {
  const auto query = domain::parse_search_query({}, model_.today());
  const auto past = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  EXPECT_THROW(model_.index().search(query.value(), past), IndexTimeout);
  EXPECT_THROW(model_.index().find("sp", past), IndexTimeout);
}

}  // namespace
}  // namespace hotel::search::storage
