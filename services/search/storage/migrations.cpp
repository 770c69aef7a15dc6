#include "services/search/storage/migrations.hpp"

#include "chassis/events/consumer_store.hpp"
#include "chassis/events/outbox.hpp"

namespace hotel::search::storage {
namespace {

// The read model, built only from events, as version 5 created it (6 drops the tables marked
// "until 6"). `doc` is the row every index refers to; a hotel keeps its doc across updates.
//   hotels         one narrow row per live hotel: only what searches filter, sort and count on,
//                  so that scans over many hotels read few pages
//   hotel_details  the rest, read for the hotels of a page: name, description (the FTS5
//                  content), currency, thumbnail and the public detail (JSON)
//   hotel_offers   (capacity, price) per room type, for guests and price filters
//   city_keys      the folded city name from each word on (fold.hpp), for city prefixes (until 6)
//   hotel_text     FTS5 over name and description (external content: hotel_details); 6 adds
//                  prefix indexes
//   hotel_places   R*Tree over the coordinates, for near searches (until 6)
//   hotel_tombstones  deleted hotels' last versions, so older events cannot resurrect them
//   facet_counts   hotels per city and per star rating, for the facets of unfiltered searches
//   (until 6)
constexpr std::string_view kReadModel =
    "CREATE TABLE hotels ("
    " doc INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " version INTEGER NOT NULL,"
    " city TEXT NOT NULL,"
    " country TEXT NOT NULL,"
    " stars INTEGER NOT NULL,"
    " latitude REAL NOT NULL,"
    " longitude REAL NOT NULL,"
    " min_price INTEGER NOT NULL);"
    "CREATE INDEX hotels_by_price ON hotels (min_price, id);"
    "CREATE INDEX hotels_by_rating ON hotels (stars DESC, id);"
    "CREATE TABLE hotel_details ("
    " doc INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " description TEXT NOT NULL,"
    " currency TEXT NOT NULL,"
    " thumbnail_url TEXT,"
    " detail TEXT NOT NULL);"
    "CREATE TABLE hotel_offers ("
    " doc INTEGER NOT NULL,"
    " capacity INTEGER NOT NULL,"
    " price INTEGER NOT NULL,"
    " PRIMARY KEY (doc, capacity, price)) WITHOUT ROWID;"
    "CREATE TABLE city_keys ("
    " key TEXT NOT NULL,"
    " doc INTEGER NOT NULL,"
    " PRIMARY KEY (key, doc)) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE hotel_text USING fts5 (name, description, content='hotel_details',"
    " content_rowid='doc', tokenize='unicode61 remove_diacritics 2');"
    "CREATE VIRTUAL TABLE hotel_places USING rtree (doc, min_lat, max_lat, min_lon, max_lon);"
    "CREATE TABLE hotel_tombstones ("
    " id TEXT PRIMARY KEY,"
    " version INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE facet_counts ("
    " facet TEXT NOT NULL,"
    " value TEXT NOT NULL,"
    " hotels INTEGER NOT NULL,"
    " PRIMARY KEY (facet, value)) WITHOUT ROWID;"
    "CREATE INDEX facet_counts_by_hotels ON facet_counts (facet, hotels DESC);";

// Version 3 had another shape for a while (one wide hotels table) on main. The read model is
// rebuilt from the feed rather than converted: 4 drops it and moves the cursor to 0, 5 creates
// the current shape (a fresh database creates, drops and creates again: cheap while empty).
constexpr std::string_view kDropReadModel =
    "DROP TABLE IF EXISTS hotel_text;"
    "DROP TABLE IF EXISTS hotel_places;"
    "DROP TABLE IF EXISTS hotels;"
    "DROP TABLE IF EXISTS hotel_details;"
    "DROP TABLE IF EXISTS hotel_offers;"
    "DROP TABLE IF EXISTS city_keys;"
    "DROP TABLE IF EXISTS hotel_tombstones;"
    "DROP TABLE IF EXISTS facet_counts;"
    "UPDATE event_cursors SET last_seq = 0 WHERE subscription = 'search.hotels'";

// Since 6 searches filter, sort and count in memory (memory_index.hpp), loaded from hotels and
// hotel_offers: the city keys, the R*Tree, the facet counts and the two order indexes are no
// longer read, and writing them was most of the cost of applying a change. The text index gets
// prefix indexes of 2-6 characters: the last word of a query is a prefix, and without them FTS5
// merges every term under it for each query (`hotel*` over a million hotels: 15 ms instead of
// 3). It is rebuilt from its content table, hotel_details.
constexpr std::string_view kMemoryIndexes =
    "DROP TABLE city_keys;"
    "DROP TABLE hotel_places;"
    "DROP TABLE facet_counts;"
    "DROP INDEX hotels_by_price;"
    "DROP INDEX hotels_by_rating;"
    "DROP TABLE hotel_text;"
    "CREATE VIRTUAL TABLE hotel_text USING fts5 (name, description, content='hotel_details',"
    " content_rowid='doc', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6');"
    "INSERT INTO hotel_text (hotel_text) VALUES ('rebuild')";

constexpr store::Migration kMigrations[] = {
    events::outbox_migration(1),          events::consumer_migration(2),
    {3, "read_model", kReadModel},        {4, "read_model_rebuild", kDropReadModel},
    {5, "read_model_narrow", kReadModel}, {6, "read_model_memory_indexes", kMemoryIndexes},
};

}  // namespace

std::span<const store::Migration> migrations() { return kMigrations; }

}  // namespace hotel::search::storage
