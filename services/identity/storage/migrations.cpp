#include "services/identity/storage/migrations.hpp"

#include "chassis/events/outbox.hpp"

namespace hotel::identity::storage {
namespace {

// Times are INTEGER milliseconds since the Unix epoch (UTC); lists are space-separated words.
constexpr std::string_view kUsers =
    "CREATE TABLE users ("
    " id TEXT PRIMARY KEY,"
    " email TEXT NOT NULL UNIQUE,"
    " given_name TEXT NOT NULL,"
    " family_name TEXT NOT NULL,"
    " address TEXT NOT NULL,"
    " phone_number TEXT NOT NULL,"
    " password_hash TEXT NOT NULL,"
    " confirmed INTEGER NOT NULL,"
    " enabled INTEGER NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL);"
    "CREATE TABLE user_groups ("
    " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
    " group_name TEXT NOT NULL,"
    " PRIMARY KEY (user_id, group_name));"
    "CREATE INDEX user_groups_by_group ON user_groups (group_name, user_id);";

constexpr std::string_view kCodes =
    "CREATE TABLE confirmation_codes ("
    " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
    " purpose TEXT NOT NULL,"
    " code_hash TEXT NOT NULL,"
    " expires_at INTEGER NOT NULL,"
    " attempts INTEGER NOT NULL,"
    " PRIMARY KEY (user_id, purpose));";

constexpr std::string_view kThrottle =
    "CREATE TABLE sign_in_attempts ("
    " throttle_key TEXT PRIMARY KEY,"
    " attempts TEXT NOT NULL,"
    " newest INTEGER NOT NULL);"
    "CREATE INDEX sign_in_attempts_by_newest ON sign_in_attempts (newest);";

constexpr std::string_view kTokens =
    "CREATE TABLE refresh_tokens ("
    " token_hash TEXT PRIMARY KEY,"
    " family_id TEXT NOT NULL,"
    " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
    " client_id TEXT NOT NULL,"
    " scope TEXT NOT NULL,"
    " origin_code_hash TEXT NOT NULL,"
    " auth_time INTEGER NOT NULL,"
    " issued_at INTEGER NOT NULL,"
    " expires_at INTEGER NOT NULL,"
    " rotated_at INTEGER,"
    " revoked_at INTEGER);"
    "CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);"
    "CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);"
    "CREATE INDEX refresh_tokens_by_code ON refresh_tokens (origin_code_hash);"
    "CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires_at);"
    "CREATE TABLE authorization_codes ("
    " code_hash TEXT PRIMARY KEY,"
    " client_id TEXT NOT NULL,"
    " redirect_uri TEXT NOT NULL,"
    " code_challenge TEXT NOT NULL,"
    " challenge_method TEXT NOT NULL,"
    " nonce TEXT NOT NULL,"
    " scope TEXT NOT NULL,"
    " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
    " auth_time INTEGER NOT NULL,"
    " issued_at INTEGER NOT NULL,"
    " expires_at INTEGER NOT NULL,"
    " redeemed_at INTEGER);"
    "CREATE INDEX authorization_codes_by_expiry ON authorization_codes (expires_at);";

constexpr std::string_view kClients =
    "CREATE TABLE oauth_clients ("
    " client_id TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " secret_hash TEXT NOT NULL,"
    " redirect_uris TEXT NOT NULL,"
    " grants TEXT NOT NULL,"
    " scopes TEXT NOT NULL);"
    "CREATE TABLE signing_keys ("
    " kid TEXT PRIMARY KEY,"
    " created_at INTEGER NOT NULL,"
    " retired_at INTEGER);";

// Hosted-UI sessions and the authorization codes each issued (no foreign key to the codes: those
// are purged on their own schedule).
constexpr std::string_view kSessions =
    "CREATE TABLE hosted_sessions ("
    " session_hash TEXT PRIMARY KEY,"
    " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
    " auth_time INTEGER NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " expires_at INTEGER NOT NULL);"
    "CREATE INDEX hosted_sessions_by_expiry ON hosted_sessions (expires_at);"
    "CREATE TABLE hosted_session_codes ("
    " session_hash TEXT NOT NULL REFERENCES hosted_sessions (session_hash) ON DELETE CASCADE,"
    " code_hash TEXT NOT NULL,"
    " PRIMARY KEY (session_hash, code_hash));";

constexpr store::Migration kMigrations[] = {
    events::outbox_migration(1),
    {2, "users_and_groups", kUsers},
    {3, "confirmation_codes", kCodes},
    {4, "sign_in_attempts", kThrottle},
    {5, "refresh_tokens_and_authorization_codes", kTokens},
    {6, "clients_and_signing_keys", kClients},
    {7, "hosted_sessions", kSessions},
};

}  // namespace

std::span<const store::Migration> migrations() { return kMigrations; }

}  // namespace hotel::identity::storage
