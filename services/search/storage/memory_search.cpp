#include "services/search/storage/memory_search.hpp"

#include <algorithm>
#include <limits>

#include "services/search/domain/fold.hpp"

namespace hotel::search::storage {
namespace {

using domain::Hit;
using domain::SearchQuery;
using domain::SortOrder;

constexpr std::size_t kDeadlineEvery = 4096;  // hotels checked between deadline checks

// Counters reused by the searches of one worker thread (sized to the cities, cleared after use).
struct Scratch {
  std::vector<std::int32_t> city_counts;  // 4 bytes each: half the cache lines of 8
  std::vector<std::uint32_t> counted;     // cities with a count
  std::vector<char> city_matches;
};

Scratch& scratch(std::size_t cities) {
  thread_local Scratch s;
  if (s.city_counts.size() < cities) {
    s.city_counts.resize(cities, 0);
    s.city_matches.resize(cities, 0);
  }
  return s;
}

// Where a filtered search takes its hotels from.
enum class Source { kAll, kCities, kText, kCells };

class FilteredSearch {
 public:
  FilteredSearch(const MemoryColumns& m, const SearchQuery& q,
                 const std::vector<std::int64_t>* text, Deadline deadline)
      : m_(m),
        q_(q),
        text_(text),
        deadline_(deadline),
        scratch_(scratch(m.cities.size())),
        collector_(q) {}

  FilteredSearch(const FilteredSearch&) = delete;
  FilteredSearch& operator=(const FilteredSearch&) = delete;

  ~FilteredSearch() {
    for (const auto city : cities_) scratch_.city_matches[city] = 0;
    for (const auto city : scratch_.counted) scratch_.city_counts[city] = 0;
    scratch_.counted.clear();
  }

  MemoryPage run() {
    if (q_.city_key) match_cities();
    if (q_.near) {
      for (const auto& box : domain::bounding_boxes(q_.near->center, q_.near->radius_km)) {
        for (const auto cell : MemoryColumns::cells_of(box)) {
          if (const auto it = m_.cells.find(cell); it != m_.cells.end())
            cells_.push_back(&it->second);
        }
      }
    }
    source_ = smallest_source();
    switch (source_) {
      case Source::kAll:
        for (std::size_t doc = 1; doc < m_.stars.size(); ++doc) check(doc);
        break;
      case Source::kCities:
        for (const auto city : cities_) {
          for (const auto doc : m_.cities[city].members) check(doc);
        }
        break;
      case Source::kText:
        for (const auto doc : *text_) check(static_cast<std::size_t>(doc));
        break;
      case Source::kCells:
        for (const auto* cell : cells_) {
          for (const auto doc : *cell) check(doc);
        }
        break;
    }
    MemoryPage page;
    auto taken = std::move(collector_).take();
    page.hits = std::move(taken.hits);
    page.more = taken.more;
    if (!q_.after) page.facets = facets();
    return page;
  }

 private:
  void match_cities() {
    const auto range = domain::prefix_range(*q_.city_key);
    for (auto it = m_.city_keys.lower_bound({range.low, 0});
         it != m_.city_keys.end() && it->first < range.high; ++it) {
      if (scratch_.city_matches[it->second] != 0) continue;  // two words of one city
      scratch_.city_matches[it->second] = 1;
      cities_.push_back(it->second);
    }
  }

  Source smallest_source() const {
    Source source = Source::kAll;
    std::size_t size = m_.stars.size();
    const auto consider = [&](Source s, std::size_t n) {
      if (n < size) {
        source = s;
        size = n;
      }
    };
    if (q_.city_key) {
      std::size_t n = 0;
      for (const auto city : cities_) n += m_.cities[city].members.size();
      consider(Source::kCities, n);
    }
    if (q_.text) consider(Source::kText, text_->size());
    if (q_.near) {
      std::size_t n = 0;
      for (const auto* cell : cells_) n += cell->size();
      consider(Source::kCells, n);
    }
    return source;
  }

  // The price the hotel matches at: its lowest, or the lowest of the room types that hold the
  // guests within the price bounds; nullopt when none does.
  std::optional<std::int64_t> price_of(const MemoryColumns::Row& row) const {
    if (!q_.filters_offers()) return row.min_price;
    const int guests = q_.guests.value_or(0);
    const auto low = q_.min_price.value_or(0);
    const auto high = q_.max_price.value_or(std::numeric_limits<std::int64_t>::max());
    std::optional<std::int64_t> best;
    row.offers.for_each([&](const domain::Offer& offer) {
      if (offer.capacity < guests || offer.price < low || offer.price > high) return;
      if (!best || offer.price < *best) best = offer.price;
    });
    return best;
  }

  void check(std::size_t doc) {
    if (++checked_ % kDeadlineEvery == 0 && std::chrono::steady_clock::now() >= deadline_) {
      throw IndexTimeout();
    }
    if (!m_.live(doc)) return;
    const int stars = m_.stars[doc];  // NOLINT(bugprone-signed-char-misuse): a number, not text
    if (q_.min_stars && stars < *q_.min_stars) return;
    const auto& row = m_.rows[doc];
    if (q_.city_key && source_ != Source::kCities && scratch_.city_matches[row.city] == 0) return;
    if (q_.text && source_ != Source::kText &&
        !std::binary_search(text_->begin(), text_->end(), std::int64_t(doc))) {
      return;
    }
    const auto price = price_of(row);
    if (!price) return;
    std::optional<double> distance;
    if (q_.near) {
      distance = domain::haversine_km(q_.near->center, row.at);
      if (*distance > q_.near->radius_km) return;
    }
    if (!q_.after) count(row.city, stars);
    const auto key =
        domain::key_for(q_.sort, std::int64_t(doc), *price, stars, distance.value_or(0.0));
    if (collector_.wants(key)) collector_.offer(Hit{key, *price, distance});
  }

  void count(std::uint32_t city, int stars) {
    ++total_;
    ++stars_[stars];
    if (scratch_.city_counts[city]++ == 0) scratch_.counted.push_back(city);
  }

  domain::Facets facets() const {
    domain::Facets f;
    f.total = total_;
    domain::TopCities top;
    for (const auto city : scratch_.counted) {
      const auto n = scratch_.city_counts[city];
      if (!top.wants(n)) continue;
      top.offer({m_.cities[city].name, m_.cities[city].country, n});
    }
    f.cities = std::move(top).take();
    for (int s = kStarLevels - 1; s >= 0; --s) {
      if (stars_[s] > 0) f.stars.push_back({s, stars_[s]});
    }
    return f;
  }

  const MemoryColumns& m_;
  const SearchQuery& q_;
  const std::vector<std::int64_t>* text_;
  Deadline deadline_;
  Scratch& scratch_;
  domain::PageCollector collector_;
  std::vector<std::uint32_t> cities_;                     // matching the city prefix
  std::vector<const std::vector<std::uint32_t>*> cells_;  // around the point
  Source source_ = Source::kAll;  // the set being read (its own filter needs no check)
  std::size_t checked_ = 0;
  std::int64_t total_ = 0;
  std::array<std::int64_t, kStarLevels> stars_{};
};

using PriceOrder = std::set<std::pair<std::int64_t, std::uint32_t>>;

// A price cursor's position in the price orders (a doc beyond their range sorts last).
PriceOrder::value_type price_position(const domain::SortKey& after) {
  const auto doc =
      std::clamp<std::int64_t>(after.doc, 0, std::numeric_limits<std::uint32_t>::max());
  return {after.number, static_cast<std::uint32_t>(doc)};
}

}  // namespace

bool is_catalogue(const SearchQuery& q) {
  return !q.city_key && !q.text && !q.near && !q.filters_offers();
}

domain::Facets catalogue_facets(const MemoryColumns& m, int min_stars) {
  const int lowest = std::clamp(min_stars, 0, kStarLevels - 1);
  domain::Facets f;
  domain::TopCities top;
  for (const auto& city : m.cities) {
    std::int64_t n = 0;
    for (int s = lowest; s < kStarLevels; ++s) n += city.stars[s];
    if (top.wants(n)) top.offer({city.name, city.country, n});
  }
  f.cities = std::move(top).take();
  for (int s = kStarLevels - 1; s >= lowest; --s) {
    if (m.star_totals[s] > 0) f.stars.push_back({s, m.star_totals[s]});
    f.total += m.star_totals[s];
  }
  return f;
}

MemoryPage catalogue_page(const MemoryColumns& m, const SearchQuery& q) {
  const int lowest = q.min_stars.value_or(0);
  const auto keep = static_cast<std::size_t>(q.limit) + 1;
  std::vector<Hit> hits;
  const auto add = [&](std::uint32_t doc) {
    const auto price = m.rows[doc].min_price;
    hits.push_back({domain::key_for(q.sort, doc, price, m.stars[doc], 0.0), price, std::nullopt});
    return hits.size() < keep;
  };
  if (q.sort == SortOrder::kPrice) {
    // Merges the price orders of the star levels kept, from the cursor on.
    std::vector<std::pair<PriceOrder::const_iterator, PriceOrder::const_iterator>> levels;
    for (int s = std::max(lowest, 0); s < kStarLevels; ++s) {
      const auto& order = m.by_price[s];
      levels.emplace_back(q.after ? order.upper_bound(price_position(*q.after)) : order.begin(),
                          order.end());
    }
    while (true) {
      decltype(levels)::value_type* next = nullptr;
      for (auto& level : levels) {
        if (level.first != level.second && (!next || *level.first < *next->first)) next = &level;
      }
      if (next == nullptr || !add(next->first->second)) break;
      ++next->first;
    }
  } else {  // rating: star levels best first, each in doc order
    const int top = q.after ? static_cast<int>(q.after->number) : kStarLevels - 1;
    bool full = false;
    for (int s = std::min(top, kStarLevels - 1); s >= lowest && !full; --s) {
      std::size_t doc = q.after && s == top ? static_cast<std::size_t>(q.after->doc) + 1 : 1;
      for (; doc < m.stars.size() && !full; ++doc) {
        if (m.stars[doc] == s) full = !add(static_cast<std::uint32_t>(doc));
      }
    }
  }
  MemoryPage page;
  page.more = hits.size() == keep;
  if (page.more) hits.pop_back();
  page.hits = std::move(hits);
  return page;
}

MemoryPage filtered_page(const MemoryColumns& columns, const SearchQuery& query,
                         const std::vector<std::int64_t>* text_docs, Deadline deadline) {
  return FilteredSearch(columns, query, text_docs, deadline).run();
}

}  // namespace hotel::search::storage
