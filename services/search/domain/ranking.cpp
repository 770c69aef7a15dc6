#include "services/search/domain/ranking.hpp"

#include <algorithm>

namespace hotel::search::domain {

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
  return a.doc < b.doc;
}

SortKey key_for(SortOrder sort, std::int64_t doc, std::int64_t price, int stars,
                double distance_km) {
  SortKey key;
  key.doc = doc;
  if (sort == SortOrder::kPrice) key.number = price;
  if (sort == SortOrder::kRating) key.number = stars;
  if (sort == SortOrder::kDistance) key.distance = distance_km;
  return key;
}

PageCollector::PageCollector(const SearchQuery& query)
    : sort_(query.sort), after_(query.after), keep_(static_cast<std::size_t>(query.limit) + 1) {
  heap_.reserve(keep_);
}

bool PageCollector::wants(const SortKey& key) const {
  if (after_ && !comes_before(*after_, key, sort_)) return false;
  return heap_.size() < keep_ || comes_before(key, heap_.front().key, sort_);
}

void PageCollector::offer(Hit hit) {
  if (!wants(hit.key)) return;
  const auto order = [this](const Hit& a, const Hit& b) { return before(a, b); };
  if (heap_.size() == keep_) {
    std::pop_heap(heap_.begin(), heap_.end(), order);
    heap_.pop_back();
  }
  heap_.push_back(hit);
  std::push_heap(heap_.begin(), heap_.end(), order);
}

PageCollector::Page PageCollector::take() && {
  std::sort_heap(heap_.begin(), heap_.end(),
                 [this](const Hit& a, const Hit& b) { return before(a, b); });
  Page page;
  page.more = heap_.size() == keep_;
  if (page.more) heap_.pop_back();
  page.hits = std::move(heap_);
  return page;
}

bool city_facet_before(const CityCount& a, const CityCount& b) {
  if (a.count != b.count) return a.count > b.count;
  if (a.city != b.city) return a.city < b.city;
  return a.country < b.country;
}

void TopCities::offer(const CityCount& city) {
  if (max_ == 0 || city.count <= 0) return;
  if (cities_.size() == max_) {
    if (!city_facet_before(city, cities_.front())) return;
    std::pop_heap(cities_.begin(), cities_.end(), city_facet_before);
    cities_.pop_back();
  }
  cities_.push_back(city);
  std::push_heap(cities_.begin(), cities_.end(), city_facet_before);
}

std::vector<CityCount> TopCities::take() && {
  std::sort_heap(cities_.begin(), cities_.end(), city_facet_before);
  return std::move(cities_);
}

}  // namespace hotel::search::domain
