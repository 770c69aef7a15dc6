#include "services/search/storage/memory_index.hpp"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "services/search/testing/read_model_fixture.hpp"

namespace hotel::search::storage {
namespace {

using Ids = std::vector<std::string>;
namespace json = boost::json;

struct Expected {
  std::string id;
  std::string city;
  int stars;
  std::int64_t price;
};

const char* const kCities[] = {"Porto", "Lisboa", "Faro", "Braga"};

// 40 hotels whose stars, prices and cities tie often; ids in insertion (doc) order.
class SearchMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 40; ++i) {
      Expected h{"h" + std::to_string(10 + i), kCities[(i * 7) % 4], 1 + (i * 3) % 5,
                 5000 + 1000 * ((i * 5) % 6)};
      const json::array rooms{
          json::object{{"id", "rt"},
                       {"name", "Double"},
                       {"capacity", 2 + i % 2},
                       {"count", 3},
                       {"price", json::object{{"amount", h.price}, {"currency", "EUR"}}}}};
      model_.put(h.id, 1, {{"city", h.city}, {"stars", h.stars}, {"room_types", rooms}});
      hotels_.push_back(h);
    }
  }

  // Every page of a query, walked with cursors.
  Ids walk(domain::QueryParams params) {
    Ids walked;
    std::optional<std::string> cursor;
    for (int pages = 0; pages < 50; ++pages) {
      auto with = params;
      with.emplace_back("limit", "7");
      if (cursor) with.emplace_back("cursor", *cursor);
      const auto page = model_.search(with);
      for (const auto& h : page.hotels) walked.push_back(h.id);
      if (!page.next) break;
      cursor = domain::encode_cursor(*page.next);
    }
    return walked;
  }

  Ids expected(int min_stars, bool by_price) const {
    auto list = hotels_;
    std::erase_if(list, [&](const Expected& h) { return h.stars < min_stars; });
    std::stable_sort(list.begin(), list.end(), [&](const Expected& a, const Expected& b) {
      return by_price ? a.price < b.price : a.stars > b.stars;
    });
    Ids ids;
    for (const auto& h : list) ids.push_back(h.id);
    return ids;
  }

  search::testing::ReadModelFixture model_;
  std::vector<Expected> hotels_;
};

TEST_F(SearchMemory, CatalogueWalksFollowEachSortThenTheOrderOfArrival) {
  for (const int min_stars : {0, 3, 5}) {
    for (const bool by_price : {true, false}) {
      domain::QueryParams params{{"sort", by_price ? "price" : "rating"}};
      if (min_stars > 0) params.emplace_back("min_stars", std::to_string(min_stars));
      EXPECT_EQ(walk(params), expected(min_stars, by_price)) << min_stars << by_price;
    }
  }
}

// Hotels added and removed between pages move no other hotel's position: the walk neither
// repeats nor skips any hotel that did not change.
TEST_F(SearchMemory, CatalogueCursorsHoldWhileHotelsChange) {
  for (const char* sort : {"price", "rating"}) {
    Ids walked;
    std::optional<std::string> cursor;
    for (int pages = 0; pages < 20; ++pages) {
      domain::QueryParams params{{"sort", sort}, {"limit", "7"}};
      if (cursor) params.emplace_back("cursor", *cursor);
      const auto page = model_.search(params);
      for (const auto& h : page.hotels) walked.push_back(h.id);
      if (pages == 1) {
        model_.put(std::string("new-") + sort, 1, {{"city", "Porto"}, {"stars", 3}});
        model_.remove(sort == std::string("price") ? "h48" : "h49", 2);
      }
      if (!page.next) break;
      cursor = domain::encode_cursor(*page.next);
    }
    auto unique = walked;
    std::sort(unique.begin(), unique.end());
    EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end()) << sort;
    for (const auto& h : hotels_) {
      if (h.id == "h48" || h.id == "h49") continue;  // removed: may or may not have been seen
      EXPECT_NE(std::find(walked.begin(), walked.end(), h.id), walked.end()) << sort << h.id;
    }
  }
}

TEST_F(SearchMemory, CatalogueFacetsCountEveryHotelWithEnoughStars) {
  for (const int min_stars : {1, 3, 5}) {
    std::map<std::string, std::int64_t> cities;
    std::map<int, std::int64_t> stars;
    for (const auto& h : hotels_) {
      if (h.stars < min_stars) continue;
      ++cities[h.city];
      ++stars[h.stars];
    }
    const auto page = model_.search({{"min_stars", std::to_string(min_stars)}});
    ASSERT_TRUE(page.facets.has_value());
    std::int64_t total = 0;
    for (const auto& s : page.facets->stars) {
      EXPECT_EQ(s.count, stars[s.stars]) << s.stars;
      total += s.count;
    }
    EXPECT_EQ(page.facets->total, total);
    EXPECT_EQ(page.facets->stars.size(), stars.size());
    for (const auto& c : page.facets->cities) EXPECT_EQ(c.count, cities[c.city]) << c.city;
    EXPECT_EQ(page.facets->cities.size(), cities.size());
  }
}

TEST_F(SearchMemory, RoomFiltersAloneReadEveryHotel) {
  Ids want;
  for (const auto& h : expected(0, true)) {
    const auto i = std::stoi(h.substr(1)) - 10;
    if (i % 2 == 1) want.push_back(h);  // rooms for 3
  }
  EXPECT_EQ(walk({{"guests", "3"}, {"sort", "price"}}), want);
  EXPECT_EQ(model_.search({{"guests", "3"}}).facets->total, 20);
}

TEST_F(SearchMemory, ChangesReachTheCachedCatalogueFacets) {
  EXPECT_EQ(model_.search({}).facets->total, 40);
  model_.put("h10", 2, {{"city", "Coimbra"}, {"stars", 5}});
  model_.remove("h11", 2);
  const auto facets = *model_.search({{"min_stars", "5"}}).facets;
  EXPECT_EQ(model_.search({}).facets->total, 39);
  const auto coimbra = std::find_if(facets.cities.begin(), facets.cities.end(),
                                    [](const auto& c) { return c.city == "Coimbra"; });
  ASSERT_NE(coimbra, facets.cities.end());
  EXPECT_EQ(coimbra->count, 1);
  EXPECT_EQ(model_.ids({{"city", "coim"}}), Ids{"h10"});
}

TEST_F(SearchMemory, AnIndexLoadedFromTheReadModelAnswersTheSame) {
  model_.put("h12", 2, {{"city", "Sant Julià de Lòria"}, {"latitude", 42.46}, {"longitude", 1.49}});
  model_.remove("h13", 2);
  MemoryIndex loaded;
  EXPECT_EQ(model_.db().read([&](SQLite::Database& db) { return loaded.load(db); }), 39);
  const MemoryHotelIndex index(model_.db(), loaded);
  for (const domain::QueryParams& params :
       std::vector<domain::QueryParams>{{},
                                        {{"sort", "price"}, {"min_stars", "2"}},
                                        {{"city", "loria"}},
                                        {{"guests", "3"}, {"max_price", "8000"}},
                                        {{"lat", "42.46"}, {"lon", "1.49"}}}) {
    const auto query = domain::parse_search_query(params, model_.today()).value();
    const auto live = model_.index().search(query, model_.later());
    const auto again = index.search(query, model_.later());
    ASSERT_EQ(live.hotels.size(), again.hotels.size());
    for (std::size_t i = 0; i < live.hotels.size(); ++i) {
      EXPECT_EQ(live.hotels[i].id, again.hotels[i].id);
      EXPECT_EQ(live.hotels[i].price.amount, again.hotels[i].price.amount);
    }
    EXPECT_EQ(live.facets->total, again.facets->total);
    EXPECT_EQ(live.facets->cities.size(), again.facets->cities.size());
  }
}

TEST(SearchMemoryNear, FindsHotelsAcrossTheAntimeridian) {
  search::testing::ReadModelFixture model;
  model.put("east", 1, {{"city", "Taveuni"}, {"latitude", -16.8}, {"longitude", 179.98}});
  model.put("west", 1, {{"city", "Taveuni"}, {"latitude", -16.8}, {"longitude", -179.98}});
  model.put("far", 1, {{"city", "Suva"}, {"latitude", -18.1}, {"longitude", 178.4}});
  EXPECT_EQ(model.ids({{"lat", "-16.8"}, {"lon", "-179.99"}, {"radius_km", "10"}}),
            (Ids{"west", "east"}));
}

}  // namespace
}  // namespace hotel::search::storage
