// SessionRepository on one SQLite connection (the caller's transaction).
#pragma once

#include "services/identity/storage/session_repository.hpp"

namespace SQLite {
class Database;
}

namespace hotel::identity::storage {

class SqliteSessionRepository final : public SessionRepository {
 public:
  explicit SqliteSessionRepository(SQLite::Database& db) : db_(db) {}

  void insert(const domain::HostedSession& session) override;
  std::optional<domain::HostedSession> find(std::string_view hash) override;
  bool remove(std::string_view hash) override;
  int remove_user(std::string_view user_id) override;
  void link_code(std::string_view session_hash, std::string_view code_hash) override;
  std::vector<std::string> linked_codes(std::string_view session_hash) override;
  int purge_expired(domain::TimePoint now) override;

 private:
  SQLite::Database& db_;
};

}  // namespace hotel::identity::storage
