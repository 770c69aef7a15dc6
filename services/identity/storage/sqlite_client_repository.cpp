#include "services/identity/storage/sqlite_client_repository.hpp"

#include "services/identity/domain/words.hpp"
#include "services/identity/storage/queries.hpp"
#include "services/identity/storage/sqlite_rows.hpp"

namespace hotel::identity::storage {
namespace {

using rows::execute;
using rows::text_at;

std::string grant_names(const std::vector<domain::GrantType>& grants) {
  std::vector<std::string> names;
  names.reserve(grants.size());
  for (const auto grant : grants) names.emplace_back(domain::to_string(grant));
  return domain::join_words(names);
}

std::vector<domain::GrantType> grants_from(std::string_view names) {
  std::vector<domain::GrantType> grants;
  for (const auto& name : domain::split_words(names)) {
    if (const auto grant = domain::parse_grant_type(name)) grants.push_back(*grant);
  }
  return grants;
}

domain::OAuthClient read_client(const SQLite::Statement& row) {
  return {.client_id = text_at(row, 0),
          .name = text_at(row, 1),
          .secret_hash = text_at(row, 2),
          .redirect_uris = domain::split_words(text_at(row, 3)),
          .grants = grants_from(text_at(row, 4)),
          .scopes = domain::split_words(text_at(row, 5))};
}

domain::SigningKey read_key(const SQLite::Statement& row) {
  return {text_at(row, 0), rows::time_at(row, 1), rows::optional_time_at(row, 2)};
}

}  // namespace

std::optional<domain::OAuthClient> SqliteClientRepository::find(std::string_view client_id) {
  return rows::select_one(db_, queries::kSelectClient, read_client, client_id);
}

void SqliteClientRepository::upsert(const domain::OAuthClient& client) {
  execute(db_, queries::kUpsertClient, client.client_id, client.name, client.secret_hash,
          domain::join_words(client.redirect_uris), grant_names(client.grants),
          domain::join_words(client.scopes));
}

std::vector<domain::OAuthClient> SqliteClientRepository::list() {
  return rows::select(db_, queries::kSelectClients, read_client);
}

std::vector<domain::SigningKey> SqliteKeyRepository::list() {
  return rows::select(db_, queries::kSelectKeys, read_key);
}

void SqliteKeyRepository::insert(const domain::SigningKey& key) {
  execute(db_, queries::kInsertKey, key.kid, key.created_at, key.retired_at);
}

void SqliteKeyRepository::retire(std::string_view kid, domain::TimePoint at) {
  execute(db_, queries::kRetireKey, at, kid);
}

void SqliteKeyRepository::remove(std::string_view kid) { execute(db_, queries::kDeleteKey, kid); }

}  // namespace hotel::identity::storage
