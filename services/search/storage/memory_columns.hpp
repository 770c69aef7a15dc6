// The narrow fields of every live hotel in memory, in columns indexed by the read model's row
// (`doc`), with the structures that find hotels without reading them all: hotels per city (and
// per city and star rating), the folded city-name keys, hotels by lowest price per star level,
// and a grid of cells over the coordinates. What searches filter, sort and count on; names, texts
// and details stay in SQLite. Not thread-safe (MemoryIndex locks around it).
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "services/search/domain/geo.hpp"
#include "services/search/domain/hotel.hpp"

namespace hotel::search::storage {

// What the memory index keeps of a live hotel.
struct HotelFacts {
  std::string city;
  std::string country;
  int stars = 0;
  domain::GeoPoint at;
  std::int64_t min_price = 0;         // the lowest offer
  std::vector<domain::Offer> offers;  // domain::offers()
};
HotelFacts facts_of(const domain::HotelSnapshot& hotel);

inline constexpr int kStarLevels = 6;  // 0-5

struct MemoryColumns {
  static constexpr std::int8_t kDead = -1;
  static constexpr double kCellDegrees = 0.25;

  // A hotel's room offers, the first few in place: a scan with a guests or price filter reads
  // them with the row instead of following a pointer per hotel (a cache miss each).
  class Offers {
   public:
    static constexpr std::size_t kInPlace = 4;
    Offers() = default;
    explicit Offers(const std::vector<domain::Offer>& offers);
    template <class F>
    void for_each(F f) const {
      for (std::size_t i = 0; i < in_place_count_; ++i) f(in_place_[i]);
      for (const auto& offer : more_) f(offer);
    }

   private:
    std::array<domain::Offer, kInPlace> in_place_{};
    std::size_t in_place_count_ = 0;
    std::vector<domain::Offer> more_;
  };
  struct Row {
    domain::GeoPoint at;
    std::int64_t min_price = 0;
    std::uint32_t city = 0;
    Offers offers;
  };
  struct City {
    std::string name;
    std::string country;
    std::vector<std::uint32_t> members;  // docs, in no order
    std::array<std::int64_t, kStarLevels> stars{};
  };

  // Adds or replaces the hotel at `doc` (> 0).
  void put(std::int64_t doc, const HotelFacts& facts);
  // Forgets the hotel at `doc`, if any.
  void erase(std::int64_t doc);
  void clear();

  bool live(std::size_t doc) const { return doc < stars.size() && stars[doc] != kDead; }
  static std::uint32_t cell_of(domain::GeoPoint at);
  // The cells covering a box (latitude rows times longitude columns).
  static std::vector<std::uint32_t> cells_of(const domain::GeoBox& box);

  std::vector<std::int8_t> stars;  // per doc; kDead where no live hotel is
  std::vector<Row> rows;           // per doc
  std::vector<City> cities;        // a (city, country) keeps its number until clear()
  std::unordered_map<std::string, std::uint32_t> city_numbers;  // "city\x1fcountry"
  std::set<std::pair<std::string, std::uint32_t>> city_keys;    // fold.hpp's keys -> city
  // (min_price, doc) per star level: a min_stars walk by price merges the levels it keeps
  // instead of stepping over the cheaper hotels of the levels it does not
  std::array<std::set<std::pair<std::int64_t, std::uint32_t>>, kStarLevels> by_price;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> cells;  // grid cell -> docs
  std::array<std::int64_t, kStarLevels> star_totals{};
  std::int64_t hotels = 0;
  std::uint64_t generation = 0;  // moves with every change

 private:
  std::uint32_t city_number(const std::string& city, const std::string& country);
};

}  // namespace hotel::search::storage
