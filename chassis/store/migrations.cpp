#include "chassis/store/migrations.hpp"

#include <set>

#include "chassis/store/database.hpp"

namespace hotel::store {
namespace {

constexpr const char* kCreateSchemaMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";
constexpr const char* kSelectApplied = "SELECT version FROM schema_migrations ORDER BY version";
constexpr const char* kInsertApplied =
    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)";
constexpr const char* kTableExists =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr const char* kMaxVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";

void check_order(std::span<const Migration> migrations) {
  int previous = 0;
  for (const auto& migration : migrations) {
    if (migration.version <= previous) {
      throw MigrationError(migration.version,
                           "migration " + std::to_string(migration.version) + " (" +
                               std::string(migration.name) + ") is not greater than " +
                               std::to_string(previous) + ": the list must strictly increase");
    }
    previous = migration.version;
  }
}

std::set<int> applied_versions(Database& db) {
  return db.write([](Transaction& tx) {
    tx.db().exec(kCreateSchemaMigrations);
    std::set<int> versions;
    SQLite::Statement select(tx.db(), kSelectApplied);
    while (select.executeStep()) versions.insert(select.getColumn(0).getInt());
    return versions;
  });
}

}  // namespace

int apply_migrations(Database& db, std::span<const Migration> migrations) {
  check_order(migrations);
  const std::set<int> applied = applied_versions(db);
  std::set<int> known;
  for (const auto& migration : migrations) known.insert(migration.version);
  for (int version : applied) {
    if (!known.contains(version)) {
      throw MigrationError(version, "database has schema version " + std::to_string(version) +
                                        " which this build does not know; refusing to run");
    }
  }
  int count = 0;
  for (const auto& migration : migrations) {
    if (applied.contains(migration.version)) continue;
    db.write([&](Transaction& tx) {
      tx.db().exec(std::string(migration.sql));
      SQLite::Statement insert(tx.db(), kInsertApplied);
      insert.bind(1, migration.version);
      insert.bind(2, std::string(migration.name));
      insert.exec();
    });
    ++count;
  }
  return count;
}

int schema_version(const Database& db) {
  return db.read([](SQLite::Database& conn) {
    if (conn.execAndGet(kTableExists).getInt() == 0) return 0;
    return conn.execAndGet(kMaxVersion).getInt();
  });
}

}  // namespace hotel::store
