#include "chassis/store/migrations.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "chassis/store/database.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::store {
namespace {

constexpr Migration kCreateHotels{1, "hotels", "CREATE TABLE hotels (id TEXT PRIMARY KEY)"};
constexpr Migration kAddCity{2, "hotels_city", "ALTER TABLE hotels ADD COLUMN city TEXT"};
constexpr Migration kCreateRooms{
    3, "rooms",
    "CREATE TABLE rooms (id TEXT PRIMARY KEY, hotel TEXT REFERENCES hotels(id));"
    "CREATE INDEX rooms_hotel ON rooms (hotel)"};

class MigrationsTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  Database db_{{.path = dir_.file("m.db")}};
};

int columns_of(const Database& db, const char* table) {
  return db.read([&](SQLite::Database& conn) {
    SQLite::Statement info(conn,
                           std::string("SELECT count(*) FROM pragma_table_info('") + table + "')");
    info.executeStep();
    return info.getColumn(0).getInt();
  });
}

TEST_F(MigrationsTest, AppliesInOrderAndRecordsVersions) {
  const std::vector<Migration> all{kCreateHotels, kAddCity, kCreateRooms};
  EXPECT_EQ(schema_version(db_), 0);
  EXPECT_EQ(apply_migrations(db_, all), 3);
  EXPECT_EQ(schema_version(db_), 3);
  EXPECT_EQ(columns_of(db_, "hotels"), 2);
  EXPECT_EQ(columns_of(db_, "rooms"), 2);
}

TEST_F(MigrationsTest, IsIdempotentAndAppliesOnlyWhatIsNew) {
  const std::vector<Migration> first{kCreateHotels};
  const std::vector<Migration> later{kCreateHotels, kAddCity, kCreateRooms};
  EXPECT_EQ(apply_migrations(db_, first), 1);
  EXPECT_EQ(apply_migrations(db_, first), 0);
  EXPECT_EQ(apply_migrations(db_, later), 2);
  EXPECT_EQ(apply_migrations(db_, later), 0);
  EXPECT_EQ(schema_version(db_), 3);
}

TEST_F(MigrationsTest, RefusesADatabaseNewerThanTheCode) {
  const std::vector<Migration> newer{kCreateHotels, kAddCity};
  const std::vector<Migration> older{kCreateHotels};
  apply_migrations(db_, newer);
  try {
    apply_migrations(db_, older);
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& error) {
    EXPECT_EQ(error.version(), 2);
    EXPECT_NE(std::string(error.what()).find('2'), std::string::npos);
  }
}

TEST_F(MigrationsTest, RefusesAListThatDoesNotStrictlyIncrease) {
  const std::vector<Migration> unordered{kAddCity, kCreateHotels};
  const std::vector<Migration> repeated{kCreateHotels, kCreateHotels};
  EXPECT_THROW(apply_migrations(db_, unordered), MigrationError);
  EXPECT_THROW(apply_migrations(db_, repeated), MigrationError);
  EXPECT_EQ(schema_version(db_), 0);
}

TEST_F(MigrationsTest, AFailingMigrationLeavesNothingBehind) {
  constexpr Migration kBroken{2, "broken", "CREATE TABLE ok_part (x INTEGER); NOT SQL"};
  const std::vector<Migration> list{kCreateHotels, kBroken};
  EXPECT_THROW(apply_migrations(db_, list), SQLite::Exception);
  EXPECT_EQ(schema_version(db_), 1);
  const int leftover = db_.read([](SQLite::Database& conn) {
    return conn.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'ok_part'").getInt();
  });
  EXPECT_EQ(leftover, 0);
}

}  // namespace
}  // namespace hotel::store
