#include "services/search/storage/memory_columns.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "services/search/domain/fold.hpp"

namespace hotel::search::storage {
namespace {

constexpr int kLatitudeCells = static_cast<int>(180 / MemoryColumns::kCellDegrees);
constexpr int kLongitudeCells = static_cast<int>(360 / MemoryColumns::kCellDegrees);
// Rows are numbered densely by SQLite; a doc beyond this is a broken read model.
constexpr std::int64_t kMaxDoc = std::int64_t{1} << 31;

int latitude_cell(double latitude) {
  const int cell = static_cast<int>(std::floor((latitude + 90.0) / MemoryColumns::kCellDegrees));
  return std::clamp(cell, 0, kLatitudeCells - 1);
}

int longitude_cell(double longitude) {
  const int cell = static_cast<int>(std::floor((longitude + 180.0) / MemoryColumns::kCellDegrees));
  return std::clamp(cell, 0, kLongitudeCells - 1);
}

void remove_one(std::vector<std::uint32_t>& docs, std::uint32_t doc) {
  const auto it = std::find(docs.begin(), docs.end(), doc);
  if (it == docs.end()) return;
  *it = docs.back();
  docs.pop_back();
}

}  // namespace

HotelFacts facts_of(const domain::HotelSnapshot& hotel) {
  return {hotel.city,
          hotel.country,
          hotel.stars,
          {hotel.latitude, hotel.longitude},
          domain::from_price(hotel),
          domain::offers(hotel)};
}

MemoryColumns::Offers::Offers(const std::vector<domain::Offer>& offers) {
  for (const auto& offer : offers) {
    if (in_place_count_ < kInPlace) {
      in_place_[in_place_count_++] = offer;
    } else {
      more_.push_back(offer);
    }
  }
}

std::uint32_t MemoryColumns::cell_of(domain::GeoPoint at) {
  return static_cast<std::uint32_t>(latitude_cell(at.latitude) * kLongitudeCells +
                                    longitude_cell(at.longitude));
}

std::vector<std::uint32_t> MemoryColumns::cells_of(const domain::GeoBox& box) {
  std::vector<std::uint32_t> out;
  const int lon_low = longitude_cell(box.min_longitude);
  const int lon_high = longitude_cell(box.max_longitude);
  for (int lat = latitude_cell(box.min_latitude); lat <= latitude_cell(box.max_latitude); ++lat) {
    for (int lon = lon_low; lon <= lon_high; ++lon) {
      out.push_back(static_cast<std::uint32_t>(lat * kLongitudeCells + lon));
    }
  }
  return out;
}

std::uint32_t MemoryColumns::city_number(const std::string& city, const std::string& country) {
  const auto [it, added] =
      city_numbers.try_emplace(city + '\x1f' + country, static_cast<std::uint32_t>(cities.size()));
  if (added) {
    cities.push_back({city, country, {}, {}});
    for (auto& key : domain::city_keys(city)) city_keys.emplace(std::move(key), it->second);
  }
  return it->second;
}

void MemoryColumns::put(std::int64_t doc, const HotelFacts& facts) {
  if (doc <= 0 || doc >= kMaxDoc) throw std::out_of_range("search read model row out of range");
  erase(doc);
  const auto at = static_cast<std::size_t>(doc);
  const auto number = static_cast<std::uint32_t>(doc);
  if (at >= stars.size()) {
    stars.resize(at + 1, kDead);
    rows.resize(at + 1);
  }
  const int level = std::clamp(facts.stars, 0, kStarLevels - 1);
  const auto city = city_number(facts.city, facts.country);
  stars[at] = static_cast<std::int8_t>(level);
  rows[at] = Row{facts.at, facts.min_price, city, Offers(facts.offers)};
  cities[city].members.push_back(number);
  ++cities[city].stars[level];
  by_price[level].emplace(facts.min_price, number);
  cells[cell_of(facts.at)].push_back(number);
  ++star_totals[level];
  ++hotels;
  ++generation;
}

void MemoryColumns::erase(std::int64_t doc) {
  if (doc <= 0 || !live(static_cast<std::size_t>(doc))) return;
  const auto at = static_cast<std::size_t>(doc);
  const auto number = static_cast<std::uint32_t>(doc);
  const int level = stars[at];  // NOLINT(bugprone-signed-char-misuse): a small number, not text
  Row& row = rows[at];
  City& city = cities[row.city];
  remove_one(city.members, number);
  --city.stars[level];
  by_price[level].erase({row.min_price, number});
  const auto cell = cells.find(cell_of(row.at));
  if (cell != cells.end()) {
    remove_one(cell->second, number);
    if (cell->second.empty()) cells.erase(cell);
  }
  --star_totals[level];
  --hotels;
  stars[at] = kDead;
  row = Row{};
  ++generation;
}

void MemoryColumns::clear() {
  const auto next = generation + 1;
  *this = MemoryColumns{};
  generation = next;
}

}  // namespace hotel::search::storage
