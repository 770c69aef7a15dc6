#include "services/identity/storage/sqlite_session_repository.hpp"

#include "services/identity/storage/queries.hpp"
#include "services/identity/storage/sqlite_rows.hpp"

namespace hotel::identity::storage {
namespace {

domain::HostedSession read_session(const SQLite::Statement& row) {
  return {.hash = rows::text_at(row, 0),
          .user_id = rows::text_at(row, 1),
          .auth_time = rows::time_at(row, 2),
          .created_at = rows::time_at(row, 3),
          .expires_at = rows::time_at(row, 4)};
}

}  // namespace

void SqliteSessionRepository::insert(const domain::HostedSession& session) {
  rows::execute(db_, queries::kInsertSession, session.hash, session.user_id, session.auth_time,
                session.created_at, session.expires_at);
}

std::optional<domain::HostedSession> SqliteSessionRepository::find(std::string_view hash) {
  return rows::select_one(db_, queries::kSelectSession, read_session, hash);
}

bool SqliteSessionRepository::remove(std::string_view hash) {
  rows::execute(db_, queries::kDeleteSessionCodes, hash);
  return rows::execute(db_, queries::kDeleteSession, hash) > 0;
}

int SqliteSessionRepository::remove_user(std::string_view user_id) {
  rows::execute(db_, queries::kDeleteUserSessionCodes, user_id);
  return rows::execute(db_, queries::kDeleteUserSessions, user_id);
}

void SqliteSessionRepository::link_code(std::string_view session_hash, std::string_view code_hash) {
  rows::execute(db_, queries::kLinkSessionCode, session_hash, code_hash);
}

std::vector<std::string> SqliteSessionRepository::linked_codes(std::string_view session_hash) {
  return rows::select(
      db_, queries::kSelectSessionCodes,
      [](const SQLite::Statement& row) { return rows::text_at(row, 0); }, session_hash);
}

int SqliteSessionRepository::purge_expired(domain::TimePoint now) {
  rows::execute(db_, queries::kPurgeSessionCodes, now);
  return rows::execute(db_, queries::kPurgeSessions, now);
}

}  // namespace hotel::identity::storage
