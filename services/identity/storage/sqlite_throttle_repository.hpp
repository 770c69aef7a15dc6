// ThrottleRepository on one SQLite connection: each key's attempts as space-separated
// milliseconds since the epoch, with the newest kept apart for purging.
#pragma once

#include "services/identity/storage/throttle_repository.hpp"

namespace SQLite {
class Database;
}

namespace hotel::identity::storage {

class SqliteThrottleRepository final : public ThrottleRepository {
 public:
  explicit SqliteThrottleRepository(SQLite::Database& db) : db_(db) {}

  domain::AttemptLog load(std::string_view key) override;
  void save(std::string_view key, const domain::AttemptLog& log) override;
  int purge(domain::TimePoint before) override;

 private:
  SQLite::Database& db_;
};

}  // namespace hotel::identity::storage
