// Numbered schema migrations. Each service lists its migrations in order; apply_migrations brings
// a database up to date, one transaction per migration, and records what it applied in
// `schema_migrations`.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hotel::store {

class Database;

struct Migration {
  int version;            // strictly increasing, > 0
  std::string_view name;  // for humans and the schema_migrations table
  std::string_view sql;   // one or more statements
};

// The migration list is malformed, or the database does not match the code's list.
class MigrationError : public std::runtime_error {
 public:
  MigrationError(int version, const std::string& what)
      : std::runtime_error(what), version_(version) {}
  int version() const { return version_; }

 private:
  int version_;
};

// Applies every migration newer than the database's, in order, each in its own transaction.
// Idempotent. Throws MigrationError when the list is not strictly increasing, or when the database
// holds a version the list does not know (a newer binary migrated it: refuse rather than guess).
// Returns how many migrations it applied.
int apply_migrations(Database& db, std::span<const Migration> migrations);

// The highest applied version, 0 for a fresh database.
int schema_version(const Database& db);

}  // namespace hotel::store
