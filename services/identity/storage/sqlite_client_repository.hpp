// ClientRepository and KeyRepository on one SQLite connection (the caller's transaction).
#pragma once

#include "services/identity/storage/client_repository.hpp"
#include "services/identity/storage/key_repository.hpp"

namespace SQLite {
class Database;
}

namespace hotel::identity::storage {

class SqliteClientRepository final : public ClientRepository {
 public:
  explicit SqliteClientRepository(SQLite::Database& db) : db_(db) {}

  std::optional<domain::OAuthClient> find(std::string_view client_id) override;
  void upsert(const domain::OAuthClient& client) override;
  std::vector<domain::OAuthClient> list() override;

 private:
  SQLite::Database& db_;
};

class SqliteKeyRepository final : public KeyRepository {
 public:
  explicit SqliteKeyRepository(SQLite::Database& db) : db_(db) {}

  std::vector<domain::SigningKey> list() override;
  void insert(const domain::SigningKey& key) override;
  void retire(std::string_view kid, domain::TimePoint at) override;
  void remove(std::string_view kid) override;

 private:
  SQLite::Database& db_;
};

}  // namespace hotel::identity::storage
