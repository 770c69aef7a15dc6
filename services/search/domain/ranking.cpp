#include "services/search/domain/ranking.hpp"

#include <algorithm>

namespace hotel::search::domain {

SortKey sort_key(const HotelSummary& hotel, SortOrder sort) {
  SortKey key;
  key.id = hotel.id;
  if (sort == SortOrder::kPrice) key.number = hotel.price.amount;
  if (sort == SortOrder::kRating) key.number = hotel.stars;
  if (sort == SortOrder::kDistance) key.distance = hotel.distance_km.value_or(0.0);
  return key;
}

bool comes_before(const SortKey& a, const SortKey& b, SortOrder sort) {
  switch (sort) {
    case SortOrder::kPrice:
      if (a.number != b.number) return a.number < b.number;
      break;
    case SortOrder::kRating:
      if (a.number != b.number) return a.number > b.number;
      break;
    case SortOrder::kDistance:
      if (a.distance != b.distance) return a.distance < b.distance;
      break;
  }
  return a.id < b.id;
}

namespace {

SortKey key_of(const Candidate& c, SortOrder sort) {
  SortKey key;
  key.id = c.id;
  key.number = sort == SortOrder::kPrice ? c.price : c.stars;
  key.distance = c.distance_km;
  return key;
}

}  // namespace

Ranked rank_near(std::vector<Candidate> candidates, const SearchQuery& query) {
  Ranked ranked;
  const Near near = query.near.value_or(Near{});
  std::erase_if(candidates, [&](Candidate& c) {
    c.distance_km = haversine_km(near.center, c.at);
    return c.distance_km > near.radius_km;
  });
  if (!query.after) {
    FacetCounter counter;
    for (const auto& c : candidates) counter.add(c.city, c.country, c.stars);
    ranked.facets = counter.facets();
  }
  const auto before = [&](const Candidate& a, const Candidate& b) {
    return comes_before(key_of(a, query.sort), key_of(b, query.sort), query.sort);
  };
  if (query.after) {
    std::erase_if(candidates, [&](const Candidate& c) {
      return !comes_before(*query.after, key_of(c, query.sort), query.sort);
    });
  }
  const auto take = std::min(candidates.size(), static_cast<std::size_t>(query.limit) + 1);
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take),
                    candidates.end(), before);
  candidates.resize(take);
  ranked.more = candidates.size() > static_cast<std::size_t>(query.limit);
  if (ranked.more) candidates.pop_back();
  ranked.page = std::move(candidates);
  return ranked;
}

void FacetCounter::add(const std::string& city, const std::string& country, int stars) {
  ++total_;
  if (stars >= 0 && stars <= 5) ++stars_[stars];
  ++cities_[{city, country}];
}

Facets FacetCounter::facets(std::size_t max_cities) const {
  Facets f;
  f.total = total_;
  for (const auto& [key, n] : cities_) f.cities.push_back({key.first, key.second, n});
  std::sort(f.cities.begin(), f.cities.end(), [](const CityCount& a, const CityCount& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.city != b.city) return a.city < b.city;
    return a.country < b.country;
  });
  if (f.cities.size() > max_cities) f.cities.resize(max_cities);
  for (int s = 5; s >= 0; --s) {
    if (stars_[s] > 0) f.stars.push_back({s, stars_[s]});
  }
  return f;
}

}  // namespace hotel::search::domain
