#include "services/identity/storage/sqlite_user_repository.hpp"

#include <algorithm>

#include "services/identity/domain/words.hpp"
#include "services/identity/storage/queries.hpp"
#include "services/identity/storage/sqlite_rows.hpp"

namespace hotel::identity::storage {
namespace {

constexpr std::size_t kMaxPage = 1000;

using rows::execute;
using rows::text_at;
using rows::time_at;

std::vector<domain::Group> groups_from(std::string_view names) {
  std::vector<domain::Group> groups;
  for (const auto& name : domain::split_words(names)) {
    if (const auto group = domain::parse_group(name)) domain::add_group(groups, *group);
  }
  return groups;
}

domain::StoredUser read_user(const SQLite::Statement& row) {
  domain::StoredUser stored;
  domain::User& user = stored.user;
  user.id = text_at(row, 0);
  user.email = text_at(row, 1);
  user.attributes = {text_at(row, 2), text_at(row, 3), text_at(row, 4), text_at(row, 5)};
  stored.password_hash = text_at(row, 6);
  user.confirmed = row.getColumn(7).getInt() != 0;
  user.enabled = row.getColumn(8).getInt() != 0;
  user.created_at = time_at(row, 9);
  user.updated_at = time_at(row, 10);
  user.groups = groups_from(text_at(row, 11));
  return stored;
}

domain::StoredCode read_code(const SQLite::Statement& row) {
  return {text_at(row, 0), time_at(row, 1), row.getColumn(2).getInt()};
}

}  // namespace

std::optional<domain::StoredUser> SqliteUserRepository::find_by_email(std::string_view email) {
  return rows::select_one(db_, queries::kSelectUserByEmail, read_user, email);
}

std::optional<domain::StoredUser> SqliteUserRepository::find_by_id(std::string_view id) {
  return rows::select_one(db_, queries::kSelectUserById, read_user, id);
}

bool SqliteUserRepository::insert(const domain::StoredUser& stored) {
  const domain::User& user = stored.user;
  const auto& a = user.attributes;
  const int inserted = execute(db_, queries::kInsertUser, user.id, user.email, a.given_name,
                               a.family_name, a.address, a.phone_number, stored.password_hash,
                               user.confirmed, user.enabled, user.created_at, user.updated_at);
  if (inserted == 0) return false;
  write_groups(user);
  return true;
}

void SqliteUserRepository::update(const domain::User& user) {
  const auto& a = user.attributes;
  execute(db_, queries::kUpdateUser, a.given_name, a.family_name, a.address, a.phone_number,
          user.confirmed, user.enabled, user.updated_at, user.id);
  execute(db_, queries::kDeleteGroups, user.id);
  write_groups(user);
}

void SqliteUserRepository::write_groups(const domain::User& user) {
  for (const auto group : user.groups) {
    execute(db_, queries::kInsertGroup, user.id, domain::to_string(group));
  }
}

void SqliteUserRepository::set_password_hash(std::string_view user_id, std::string_view hash,
                                             domain::TimePoint now) {
  execute(db_, queries::kUpdatePasswordHash, hash, now, user_id);
}

UserPage SqliteUserRepository::list(const UserQuery& query) {
  const std::size_t limit = std::clamp<std::size_t>(query.limit, 1, kMaxPage);
  SQLite::Statement select(db_, queries::kSelectUserPage);
  rows::bind_all(select, query.after);
  if (query.group) {
    rows::bind_one(select, 2, domain::to_string(*query.group));
  } else {
    rows::bind_one(select, 2, rows::Null{});
  }
  rows::bind_one(
      select, 3,
      static_cast<std::int64_t>(limit + 1));  // one more tells whether a next page exists
  UserPage page;
  while (select.executeStep()) page.users.push_back(read_user(select).user);
  if (page.users.size() > limit) {
    page.users.pop_back();
    page.next_cursor = page.users.back().email;
  }
  return page;
}

void SqliteUserRepository::put_code(std::string_view user_id, domain::CodePurpose purpose,
                                    const domain::StoredCode& code) {
  execute(db_, queries::kUpsertCode, user_id, domain::to_string(purpose), code.hash,
          code.expires_at, code.attempts);
}

std::optional<domain::StoredCode> SqliteUserRepository::find_code(std::string_view user_id,
                                                                  domain::CodePurpose purpose) {
  return rows::select_one(db_, queries::kSelectCode, read_code, user_id,
                          domain::to_string(purpose));
}

void SqliteUserRepository::count_code_attempt(std::string_view user_id,
                                              domain::CodePurpose purpose) {
  execute(db_, queries::kCountCodeAttempt, user_id, domain::to_string(purpose));
}

void SqliteUserRepository::delete_code(std::string_view user_id, domain::CodePurpose purpose) {
  execute(db_, queries::kDeleteCode, user_id, domain::to_string(purpose));
}

int SqliteUserRepository::purge_expired_codes(domain::TimePoint now) {
  return execute(db_, queries::kPurgeCodes, now);
}

}  // namespace hotel::identity::storage
