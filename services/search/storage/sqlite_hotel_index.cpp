#include "services/search/storage/sqlite_hotel_index.hpp"

#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "chassis/store/database.hpp"
#include "services/search/domain/ranking.hpp"
#include "services/search/storage/queries.hpp"
#include "services/search/storage/search_sql.hpp"

namespace hotel::search::storage {
namespace {

using domain::SearchPage;
using domain::SearchQuery;

constexpr int kProgressSteps = 1000;  // VM instructions between deadline checks

// Interrupts the connection's statements once the deadline passes, while in scope.
class DeadlineGuard {
 public:
  DeadlineGuard(SQLite::Database& db, Deadline deadline) : db_(db), deadline_(deadline) {
    sqlite3_progress_handler(db_.getHandle(), kProgressSteps, &DeadlineGuard::check, this);
  }
  ~DeadlineGuard() { sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr); }
  DeadlineGuard(const DeadlineGuard&) = delete;
  DeadlineGuard& operator=(const DeadlineGuard&) = delete;

  bool passed() const { return std::chrono::steady_clock::now() >= deadline_; }
  void throw_if_passed() const {
    if (passed()) throw IndexTimeout();
  }

 private:
  static int check(void* self) { return static_cast<DeadlineGuard*>(self)->passed() ? 1 : 0; }
  SQLite::Database& db_;
  Deadline deadline_;
};

// Runs `f` on a reader with the deadline enforced; an interrupted statement is a timeout.
template <class F>
auto with_deadline(const store::Database& db, Deadline deadline, F f) {
  if (std::chrono::steady_clock::now() >= deadline) throw IndexTimeout();
  return db.read([&](SQLite::Database& conn) {
    DeadlineGuard guard(conn, deadline);
    try {
      return f(conn, guard);
    } catch (const SQLite::Exception& error) {
      if (error.getErrorCode() == SQLITE_INTERRUPT && guard.passed()) throw IndexTimeout();
      throw;
    }
  });
}

std::optional<std::string> nullable_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

// Reads the summaries of a page's hotels, in order; `price` and `distance` come from the search.
class Summaries {
 public:
  explicit Summaries(SQLite::Database& db) : select_(db, queries::kSelectSummary) {}

  std::optional<domain::HotelSummary> read(std::int64_t doc, std::int64_t price) {
    select_.reset();
    select_.bind(1, doc);
    if (!select_.executeStep()) return std::nullopt;  // not within one read transaction
    domain::HotelSummary h;
    h.id = select_.getColumn(0).getString();
    h.name = select_.getColumn(1).getString();
    h.city = select_.getColumn(2).getString();
    h.country = select_.getColumn(3).getString();
    h.stars = select_.getColumn(4).getInt();
    h.latitude = select_.getColumn(5).getDouble();
    h.longitude = select_.getColumn(6).getDouble();
    h.price = {price, select_.getColumn(7).getString()};
    h.thumbnail_url = nullable_text(select_.getColumn(8));
    return h;
  }

 private:
  SQLite::Statement select_;
};

domain::Facets unfiltered_facets(SQLite::Database& db) {
  domain::Facets facets;
  SQLite::Statement cities(db, queries::kTopCityFacets);
  cities.bind(1, static_cast<std::int64_t>(domain::kMaxCityFacets));
  while (cities.executeStep()) {
    const std::string value = cities.getColumn(0).getString();
    const auto split = value.find('\x1f');
    facets.cities.push_back({value.substr(0, split),
                             split == std::string::npos ? "" : value.substr(split + 1),
                             cities.getColumn(1).getInt64()});
  }
  SQLite::Statement stars(db, queries::kStarFacets);
  while (stars.executeStep()) {
    facets.stars.push_back(
        {std::stoi(stars.getColumn(0).getString()), stars.getColumn(1).getInt64()});
    facets.total += facets.stars.back().count;
  }
  return facets;
}

domain::Facets filtered_facets(SQLite::Database& db, const SearchQuery& q) {
  domain::Facets facets;
  const Sql city_sql = city_facets_sql(q, domain::kMaxCityFacets);
  SQLite::Statement cities(db, city_sql.text);
  city_sql.bind(cities);
  while (cities.executeStep()) {
    facets.cities.push_back({cities.getColumn(0).getString(), cities.getColumn(1).getString(),
                             cities.getColumn(2).getInt64()});
  }
  const Sql star_sql = star_facets_sql(q);
  SQLite::Statement stars(db, star_sql.text);
  star_sql.bind(stars);
  while (stars.executeStep()) {
    facets.stars.push_back({stars.getColumn(0).getInt(), stars.getColumn(1).getInt64()});
    facets.total += facets.stars.back().count;
  }
  return facets;
}

void set_next(SearchPage& page, const SearchQuery& q, bool more) {
  if (!more || page.hotels.empty()) return;
  page.next = domain::Cursor{q.sort, q.fingerprint, domain::sort_key(page.hotels.back(), q.sort)};
}

SearchPage search_sorted(SQLite::Database& db, const SearchQuery& q) {
  struct Row {
    std::int64_t doc;
    std::int64_t price;
  };
  std::vector<Row> rows;
  const Sql sql = page_sql(q);
  SQLite::Statement select(db, sql.text);
  sql.bind(select);
  while (select.executeStep()) {
    rows.push_back({select.getColumn(0).getInt64(), select.getColumn(3).getInt64()});
  }
  const bool more = rows.size() > static_cast<std::size_t>(q.limit);
  if (more) rows.pop_back();
  SearchPage page;
  Summaries summaries(db);
  for (const auto& row : rows) {
    if (auto h = summaries.read(row.doc, row.price)) page.hotels.push_back(std::move(*h));
  }
  set_next(page, q, more);
  if (!q.after) page.facets = q.filtered() ? filtered_facets(db, q) : unfiltered_facets(db);
  return page;
}

SearchPage search_near(SQLite::Database& db, const SearchQuery& q, const DeadlineGuard& guard) {
  std::vector<domain::Candidate> candidates;
  const Sql sql = candidates_sql(q);
  SQLite::Statement select(db, sql.text);
  sql.bind(select);
  while (select.executeStep()) {
    domain::Candidate c;
    c.doc = select.getColumn(0).getInt64();
    c.id = select.getColumn(1).getString();
    c.at = {select.getColumn(2).getDouble(), select.getColumn(3).getDouble()};
    c.stars = select.getColumn(4).getInt();
    c.price = select.getColumn(5).getInt64();
    c.city = select.getColumn(6).getString();
    c.country = select.getColumn(7).getString();
    candidates.push_back(std::move(c));
  }
  guard.throw_if_passed();
  auto ranked = domain::rank_near(std::move(candidates), q);
  SearchPage page;
  page.facets = std::move(ranked.facets);
  Summaries summaries(db);
  for (const auto& c : ranked.page) {
    auto h = summaries.read(c.doc, c.price);
    if (!h) continue;
    h->distance_km = c.distance_km;
    page.hotels.push_back(std::move(*h));
  }
  set_next(page, q, ranked.more);
  return page;
}

}  // namespace

SearchPage SqliteHotelIndex::search(const SearchQuery& query, Deadline deadline) const {
  return with_deadline(db_, deadline, [&](SQLite::Database& db, const DeadlineGuard& guard) {
    return query.near ? search_near(db, query, guard) : search_sorted(db, query);
  });
}

std::optional<std::string> SqliteHotelIndex::find(const std::string& id, Deadline deadline) const {
  return with_deadline(
      db_, deadline, [&](SQLite::Database& db, const DeadlineGuard&) -> std::optional<std::string> {
        SQLite::Statement select(db, queries::kSelectDetail);
        select.bind(1, id);
        if (!select.executeStep()) return std::nullopt;
        return select.getColumn(0).getString();
      });
}

}  // namespace hotel::search::storage
