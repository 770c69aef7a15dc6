// UserRepository on one SQLite connection (the caller's transaction).
#pragma once

#include "services/identity/storage/user_repository.hpp"

namespace SQLite {
class Database;
}

namespace hotel::identity::storage {

class SqliteUserRepository final : public UserRepository {
 public:
  explicit SqliteUserRepository(SQLite::Database& db) : db_(db) {}

  std::optional<domain::StoredUser> find_by_email(std::string_view email) override;
  std::optional<domain::StoredUser> find_by_id(std::string_view id) override;
  bool insert(const domain::StoredUser& user) override;
  void update(const domain::User& user) override;
  void set_password_hash(std::string_view user_id, std::string_view hash,
                         domain::TimePoint now) override;
  UserPage list(const UserQuery& query) override;

  void put_code(std::string_view user_id, domain::CodePurpose purpose,
                const domain::StoredCode& code) override;
  std::optional<domain::StoredCode> find_code(std::string_view user_id,
                                              domain::CodePurpose purpose) override;
  void count_code_attempt(std::string_view user_id, domain::CodePurpose purpose) override;
  void delete_code(std::string_view user_id, domain::CodePurpose purpose) override;
  int purge_expired_codes(domain::TimePoint now) override;

 private:
  void write_groups(const domain::User& user);

  SQLite::Database& db_;
};

}  // namespace hotel::identity::storage
