#include "services/search/storage/migrations.hpp"

#include <gtest/gtest.h>

#include "chassis/events/consumer_store.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::search::storage {
namespace {

// A database migrated to version 3 when it had one wide hotels table, with one hotel applied.
void make_wide_version_3(store::Database& db) {
  const auto list = migrations();
  const store::Migration wide[] = {
      list[0],
      list[1],
      {3, "read_model",
       "CREATE TABLE hotels (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
       " version INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,"
       " city TEXT NOT NULL, country TEXT NOT NULL, stars INTEGER NOT NULL,"
       " latitude REAL NOT NULL, longitude REAL NOT NULL, min_price INTEGER NOT NULL,"
       " currency TEXT NOT NULL, thumbnail_url TEXT, detail TEXT NOT NULL);"
       "CREATE VIRTUAL TABLE hotel_text USING fts5 (name, description, content='hotels',"
       " content_rowid='doc');"
       "CREATE VIRTUAL TABLE hotel_places USING rtree (doc, min_lat, max_lat, min_lon, max_lon);"
       "CREATE TABLE city_keys (key TEXT NOT NULL, doc INTEGER NOT NULL,"
       " PRIMARY KEY (key, doc)) WITHOUT ROWID"}};
  store::apply_migrations(db, wide);
  db.write([](store::Transaction& tx) {
    tx.db().exec(
        "INSERT INTO hotels VALUES (1, 'h-1', 1, 'n', 'd', 'c', 'PT', 3, 0, 0, 1, 'EUR', NULL,"
        " '{}')");
  });
  events::ConsumerStore(db).reset_cursor("search.hotels", 17);
}

TEST(SearchMigrations, AnOldWideReadModelIsDroppedAndRebuiltFromTheFeed) {
  store::testing::TempDir dir;
  store::Database db({.path = dir.file("search.db"), .readers = 1});
  make_wide_version_3(db);
  EXPECT_EQ(store::apply_migrations(db, migrations()), 3);
  EXPECT_EQ(events::ConsumerStore(db).cursor("search.hotels"), 0);
  db.read([](SQLite::Database& conn) {
    EXPECT_EQ(conn.execAndGet("SELECT count(*) FROM hotels").getInt(), 0);
    EXPECT_TRUE(conn.tableExists("hotel_details"));
    EXPECT_TRUE(conn.tableExists("hotel_offers"));
    EXPECT_FALSE(conn.tableExists("city_keys"));
  });
}

// Version 6 keeps the hotels and rebuilds the text index (with prefix indexes) from the details.
TEST(SearchMigrations, TheMemoryIndexesVersionKeepsTheHotelsAndTheirText) {
  store::testing::TempDir dir;
  store::Database db({.path = dir.file("search.db"), .readers = 1});
  store::apply_migrations(db, migrations().first(5));
  db.write([](store::Transaction& tx) {
    tx.db().exec(
        "INSERT INTO hotels VALUES (7, 'h-7', 1, 'Porto', 'PT', 3, 41.1, -8.6, 9000);"
        "INSERT INTO hotel_details VALUES (7, 'Ribeira Palace', 'By the river', 'EUR', NULL, '{}');"
        "INSERT INTO hotel_text (rowid, name, description)"
        " VALUES (7, 'Ribeira Palace', 'By the river')");
  });
  EXPECT_EQ(store::apply_migrations(db, migrations()), 1);
  db.read([](SQLite::Database& conn) {
    EXPECT_EQ(conn.execAndGet("SELECT count(*) FROM hotels").getInt(), 1);
    EXPECT_EQ(
        conn.execAndGet("SELECT rowid FROM hotel_text WHERE hotel_text MATCH '\"pala\"*'").getInt(),
        7);
  });
}

TEST(SearchMigrations, AFreshDatabaseGetsTheCurrentShape) {
  store::testing::TempDir dir;
  store::Database db({.path = dir.file("search.db"), .readers = 1});
  EXPECT_EQ(store::apply_migrations(db, migrations()), 6);
  EXPECT_EQ(store::schema_version(db), 6);
  db.read([](SQLite::Database& conn) {
    EXPECT_TRUE(conn.tableExists("hotel_details"));
    for (const char* gone : {"city_keys", "hotel_places", "facet_counts"}) {
      EXPECT_FALSE(conn.tableExists(gone)) << gone;
    }
  });
  EXPECT_EQ(store::apply_migrations(db, migrations()), 0);
}

}  // namespace
}  // namespace hotel::search::storage
