#include "services/identity/storage/sqlite_token_repository.hpp"

#include "services/identity/storage/queries.hpp"
#include "services/identity/storage/sqlite_rows.hpp"

namespace hotel::identity::storage {
namespace {

using rows::execute;
using rows::optional_time_at;
using rows::text_at;
using rows::time_at;

domain::RefreshToken read_refresh_token(const SQLite::Statement& row) {
  return {.hash = text_at(row, 0),
          .family_id = text_at(row, 1),
          .user_id = text_at(row, 2),
          .client_id = text_at(row, 3),
          .scope = text_at(row, 4),
          .origin_code_hash = text_at(row, 5),
          .auth_time = time_at(row, 6),
          .issued_at = time_at(row, 7),
          .expires_at = time_at(row, 8),
          .rotated_at = optional_time_at(row, 9),
          .revoked_at = optional_time_at(row, 10)};
}

domain::AuthorizationCode read_authorization_code(const SQLite::Statement& row) {
  const auto method = domain::parse_challenge_method(text_at(row, 4), false);
  return {.hash = text_at(row, 0),
          .grant = {.client_id = text_at(row, 1),
                    .redirect_uri = text_at(row, 2),
                    .code_challenge = text_at(row, 3),
                    .challenge_method = method.value_or(domain::ChallengeMethod::kNone),
                    .nonce = text_at(row, 5),
                    .scope = text_at(row, 6),
                    .user_id = text_at(row, 7),
                    .auth_time = time_at(row, 8)},
          .issued_at = time_at(row, 9),
          .expires_at = time_at(row, 10),
          .redeemed_at = optional_time_at(row, 11)};
}

}  // namespace

void SqliteTokenRepository::insert_refresh_token(const domain::RefreshToken& token) {
  execute(db_, queries::kInsertRefreshToken, token.hash, token.family_id, token.user_id,
          token.client_id, token.scope, token.origin_code_hash, token.auth_time, token.issued_at,
          token.expires_at, token.rotated_at, token.revoked_at);
}

std::optional<domain::RefreshToken> SqliteTokenRepository::find_refresh_token(
    std::string_view hash) {
  return rows::select_one(db_, queries::kSelectRefreshToken, read_refresh_token, hash);
}

void SqliteTokenRepository::mark_rotated(std::string_view hash, domain::TimePoint at) {
  execute(db_, queries::kMarkRotated, at, hash);
}

int SqliteTokenRepository::revoke_family(std::string_view family_id, domain::TimePoint at) {
  return execute(db_, queries::kRevokeFamily, at, family_id);
}

int SqliteTokenRepository::revoke_user(std::string_view user_id, domain::TimePoint at) {
  return execute(db_, queries::kRevokeUser, at, user_id);
}

int SqliteTokenRepository::revoke_from_code(std::string_view code_hash, domain::TimePoint at) {
  return execute(db_, queries::kRevokeFromCode, at, code_hash);
}

void SqliteTokenRepository::insert_authorization_code(const domain::AuthorizationCode& code) {
  const domain::CodeGrant& grant = code.grant;
  execute(db_, queries::kInsertAuthorizationCode, code.hash, grant.client_id, grant.redirect_uri,
          grant.code_challenge, domain::to_string(grant.challenge_method), grant.nonce, grant.scope,
          grant.user_id, grant.auth_time, code.issued_at, code.expires_at, code.redeemed_at);
}

std::optional<domain::AuthorizationCode> SqliteTokenRepository::find_authorization_code(
    std::string_view hash) {
  return rows::select_one(db_, queries::kSelectAuthorizationCode, read_authorization_code, hash);
}

void SqliteTokenRepository::mark_redeemed(std::string_view hash, domain::TimePoint at) {
  execute(db_, queries::kMarkRedeemed, at, hash);
}

int SqliteTokenRepository::purge_expired(domain::TimePoint now, domain::TimePoint codes_before) {
  return execute(db_, queries::kPurgeRefreshTokens, now) +
         execute(db_, queries::kPurgeAuthorizationCodes, codes_before);
}

}  // namespace hotel::identity::storage
