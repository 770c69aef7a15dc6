#include "services/search/storage/read_model.hpp"

#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json/serialize.hpp>

#include "chassis/store/database.hpp"
#include "services/search/domain/fold.hpp"
#include "services/search/domain/versions.hpp"
#include "services/search/storage/queries.hpp"

namespace hotel::search::storage {
namespace {

constexpr const char* kCityFacet = "city";
constexpr const char* kStarsFacet = "stars";

// What the read model holds of a live hotel before it changes.
struct LiveRow {
  std::int64_t doc = 0;
  std::int64_t version = 0;
  std::string name;
  std::string description;
  std::string city;
  std::string country;
  int stars = 0;
};

std::optional<LiveRow> live_row(SQLite::Database& db, const std::string& id) {
  SQLite::Statement select(db, queries::kSelectLive);
  select.bind(1, id);
  if (!select.executeStep()) return std::nullopt;
  return LiveRow{select.getColumn(0).getInt64(),  select.getColumn(1).getInt64(),
                 select.getColumn(2).getString(), select.getColumn(3).getString(),
                 select.getColumn(4).getString(), select.getColumn(5).getString(),
                 select.getColumn(6).getInt()};
}

std::optional<std::int64_t> tombstone(SQLite::Database& db, const std::string& id) {
  SQLite::Statement select(db, queries::kSelectTombstone);
  select.bind(1, id);
  if (!select.executeStep()) return std::nullopt;
  return select.getColumn(0).getInt64();
}

std::string city_facet_value(const std::string& city, const std::string& country) {
  return city + '\x1f' + country;
}

void add_facets(SQLite::Database& db, const std::string& city, const std::string& country,
                int stars, int delta) {
  SQLite::Statement add(db, queries::kAddFacet);
  SQLite::Statement drop(db, queries::kDropEmptyFacet);
  const std::string values[2] = {city_facet_value(city, country), std::to_string(stars)};
  const char* facets[2] = {kCityFacet, kStarsFacet};
  for (int i = 0; i < 2; ++i) {
    add.reset();
    add.bind(1, facets[i]);
    add.bind(2, values[i]);
    add.bind(3, delta);
    add.exec();
    if (delta < 0) {
      drop.reset();
      drop.bind(1, facets[i]);
      drop.bind(2, values[i]);
      drop.exec();
    }
  }
}

void forget_indexes(SQLite::Database& db, const LiveRow& row) {
  SQLite::Statement text(db, queries::kDeleteText);
  text.bind(1, row.doc);
  text.bind(2, row.name);
  text.bind(3, row.description);
  text.exec();
  SQLite::Statement key(db, queries::kDeleteCityKey);
  for (const auto& k : domain::city_keys(row.city)) {
    key.reset();
    key.bind(1, k);
    key.bind(2, row.doc);
    key.exec();
  }
  SQLite::Statement offers(db, queries::kDeleteOffers);
  offers.bind(1, row.doc);
  offers.exec();
  add_facets(db, row.city, row.country, row.stars, -1);
}

void index(SQLite::Database& db, std::int64_t doc, const domain::HotelSnapshot& h) {
  SQLite::Statement text(db, queries::kInsertText);
  text.bind(1, doc);
  text.bind(2, h.name);
  text.bind(3, h.description);
  text.exec();
  SQLite::Statement key(db, queries::kInsertCityKey);
  for (const auto& k : domain::city_keys(h.city)) {
    key.reset();
    key.bind(1, k);
    key.bind(2, doc);
    key.exec();
  }
  SQLite::Statement offer(db, queries::kInsertOffer);
  for (const auto& o : domain::offers(h)) {
    offer.reset();
    offer.bind(1, doc);
    offer.bind(2, o.capacity);
    offer.bind(3, o.price);
    offer.exec();
  }
  SQLite::Statement place(db, queries::kUpsertPlace);
  place.bind(1, doc);
  place.bind(2, h.latitude);
  place.bind(3, h.longitude);
  place.exec();
  add_facets(db, h.city, h.country, h.stars, +1);
}

// Writes the hotels row (insert, or update keeping `doc`); returns its doc.
std::int64_t write_row(SQLite::Database& db, const domain::HotelSnapshot& h,
                       std::optional<std::int64_t> doc) {
  SQLite::Statement write(db, doc ? queries::kUpdateHotel : queries::kInsertHotel);
  write.bind(1, h.id);
  write.bind(2, h.version);
  write.bind(3, h.name);
  write.bind(4, h.description);
  write.bind(5, h.city);
  write.bind(6, h.country);
  write.bind(7, h.stars);
  write.bind(8, h.latitude);
  write.bind(9, h.longitude);
  write.bind(10, domain::from_price(h));
  write.bind(11, h.base_price.currency);
  if (h.thumbnail_url) {
    write.bind(12, *h.thumbnail_url);
  } else {
    write.bind(12);
  }
  write.bind(13, boost::json::serialize(h.detail));
  if (doc) write.bind(14, *doc);
  write.exec();
  return doc ? *doc : db.getLastInsertRowid();
}

void remove(SQLite::Database& db, const LiveRow& row) {
  forget_indexes(db, row);
  SQLite::Statement place(db, queries::kDeletePlace);
  place.bind(1, row.doc);
  place.exec();
  SQLite::Statement hotel(db, queries::kDeleteHotel);
  hotel.bind(1, row.doc);
  hotel.exec();
}

}  // namespace

int live_delta(Applied applied) {
  if (applied == Applied::kInserted) return 1;
  if (applied == Applied::kDeleted) return -1;
  return 0;
}

Applied apply_change(store::Transaction& tx, const domain::HotelChange& change) {
  auto& db = tx.db();
  const std::string& id = domain::id_of(change);
  const auto live = live_row(db, id);
  std::optional<domain::StoredVersion> stored;
  if (live) {
    stored = domain::StoredVersion{live->version, false};
  } else if (const auto version = tombstone(db, id)) {
    stored = domain::StoredVersion{*version, true};
  }
  switch (domain::decide(stored, change)) {
    case domain::Action::kIgnore:
      return Applied::kIgnored;
    case domain::Action::kUpsert: {
      const auto& snapshot = std::get<domain::HotelSnapshot>(change);
      if (live) forget_indexes(db, *live);
      if (stored && stored->deleted) {
        SQLite::Statement forget(db, queries::kDeleteTombstone);
        forget.bind(1, id);
        forget.exec();
      }
      const auto doc = write_row(db, snapshot, live ? std::optional(live->doc) : std::nullopt);
      index(db, doc, snapshot);
      return live ? Applied::kUpdated : Applied::kInserted;
    }
    case domain::Action::kDelete: {
      if (live) remove(db, *live);
      SQLite::Statement mark(db, queries::kUpsertTombstone);
      mark.bind(1, id);
      mark.bind(2, domain::version_of(change));
      mark.exec();
      return live ? Applied::kDeleted : Applied::kIgnored;
    }
  }
  return Applied::kIgnored;
}

void clear_read_model(store::Transaction& tx) { tx.db().exec(queries::kClearReadModel); }

std::int64_t count_hotels(SQLite::Database& db) {
  return db.execAndGet(queries::kCountHotels).getInt64();
}

}  // namespace hotel::search::storage
