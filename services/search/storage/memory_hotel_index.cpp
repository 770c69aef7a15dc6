#include "services/search/storage/memory_hotel_index.hpp"

#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "chassis/store/database.hpp"
#include "services/search/storage/memory_index.hpp"
#include "services/search/storage/queries.hpp"

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
    if (!select_.executeStep()) return std::nullopt;
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

// The docs matching the query's text (FTS5), ascending.
std::vector<std::int64_t> text_matches(SQLite::Database& db, const std::string& match) {
  std::vector<std::int64_t> docs;
  SQLite::Statement select(db, queries::kTextMatches);
  select.bind(1, match);
  while (select.executeStep()) docs.push_back(select.getColumn(0).getInt64());
  return docs;
}

}  // namespace

SearchPage MemoryHotelIndex::search(const SearchQuery& query, Deadline deadline) const {
  return with_deadline(db_, deadline, [&](SQLite::Database& db, const DeadlineGuard& guard) {
    std::optional<std::vector<std::int64_t>> text;
    if (query.text) {
      text = text_matches(db, *query.text);
      guard.throw_if_passed();
    }
    auto found = memory_.search(query, text ? &*text : nullptr, deadline);
    SearchPage page;
    page.facets = std::move(found.facets);
    Summaries summaries(db);
    for (const auto& hit : found.hits) {
      auto h = summaries.read(hit.key.doc, hit.price);
      if (!h) continue;  // deleted since the memory search
      h->distance_km = hit.distance_km;
      page.hotels.push_back(std::move(*h));
    }
    if (found.more && !found.hits.empty()) {
      page.next = domain::Cursor{query.sort, query.fingerprint, found.hits.back().key};
    }
    return page;
  });
}

std::optional<std::string> MemoryHotelIndex::find(const std::string& id, Deadline deadline) const {
  return with_deadline(
      db_, deadline, [&](SQLite::Database& db, const DeadlineGuard&) -> std::optional<std::string> {
        SQLite::Statement select(db, queries::kSelectDetail);
        select.bind(1, id);
        if (!select.executeStep()) return std::nullopt;
        return select.getColumn(0).getString();
      });
}

}  // namespace hotel::search::storage
