// TokenRepository on one SQLite connection (the caller's transaction).
#pragma once

#include "services/identity/storage/token_repository.hpp"

namespace SQLite {
class Database;
}

namespace hotel::identity::storage {

class SqliteTokenRepository final : public TokenRepository {
 public:
  explicit SqliteTokenRepository(SQLite::Database& db) : db_(db) {}

  void insert_refresh_token(const domain::RefreshToken& token) override;
  std::optional<domain::RefreshToken> find_refresh_token(std::string_view hash) override;
  void mark_rotated(std::string_view hash, domain::TimePoint at) override;
  int revoke_family(std::string_view family_id, domain::TimePoint at) override;
  int revoke_user(std::string_view user_id, domain::TimePoint at) override;
  int revoke_from_code(std::string_view code_hash, domain::TimePoint at) override;

  void insert_authorization_code(const domain::AuthorizationCode& code) override;
  std::optional<domain::AuthorizationCode> find_authorization_code(std::string_view hash) override;
  void mark_redeemed(std::string_view hash, domain::TimePoint at) override;

  int purge_expired(domain::TimePoint now, domain::TimePoint codes_before) override;

 private:
  SQLite::Database& db_;
};

}  // namespace hotel::identity::storage
