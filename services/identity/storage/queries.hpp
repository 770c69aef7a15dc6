// Every SQL statement of the identity service's repositories (the schema is in migrations.cpp).
#pragma once

namespace hotel::identity::storage::queries {

// users
// Every user query selects the same columns, groups last as space-separated names.
inline constexpr const char* kSelectUserByEmail =
    "SELECT id, email, given_name, family_name, address, phone_number, password_hash, confirmed,"
    " enabled, created_at, updated_at, (SELECT group_concat(group_name, ' ') FROM user_groups g"
    " WHERE g.user_id = users.id) FROM users WHERE email = ?";
inline constexpr const char* kSelectUserById =
    "SELECT id, email, given_name, family_name, address, phone_number, password_hash, confirmed,"
    " enabled, created_at, updated_at, (SELECT group_concat(group_name, ' ') FROM user_groups g"
    " WHERE g.user_id = users.id) FROM users WHERE id = ?";
// ?1 after-email, ?2 group or NULL, ?3 limit
inline constexpr const char* kSelectUserPage =
    "SELECT id, email, given_name, family_name, address, phone_number, password_hash, confirmed,"
    " enabled, created_at, updated_at, (SELECT group_concat(group_name, ' ') FROM user_groups g"
    " WHERE g.user_id = users.id) FROM users"
    " WHERE email > ?1 AND (?2 IS NULL OR EXISTS (SELECT 1 FROM user_groups g"
    " WHERE g.user_id = users.id AND g.group_name = ?2)) ORDER BY email LIMIT ?3";
inline constexpr const char* kInsertUser =
    "INSERT INTO users (id, email, given_name, family_name, address, phone_number, password_hash,"
    " confirmed, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (email) DO NOTHING";
inline constexpr const char* kUpdateUser =
    "UPDATE users SET given_name = ?, family_name = ?, address = ?, phone_number = ?,"
    " confirmed = ?, enabled = ?, updated_at = ? WHERE id = ?";
inline constexpr const char* kUpdatePasswordHash =
    "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
inline constexpr const char* kDeleteGroups = "DELETE FROM user_groups WHERE user_id = ?";
inline constexpr const char* kInsertGroup =
    "INSERT INTO user_groups (user_id, group_name) VALUES (?, ?)";

// confirmation codes
inline constexpr const char* kUpsertCode =
    "INSERT INTO confirmation_codes (user_id, purpose, code_hash, expires_at, attempts)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, purpose) DO UPDATE SET"
    " code_hash = excluded.code_hash, expires_at = excluded.expires_at,"
    " attempts = excluded.attempts";
inline constexpr const char* kSelectCode =
    "SELECT code_hash, expires_at, attempts FROM confirmation_codes"
    " WHERE user_id = ? AND purpose = ?";
inline constexpr const char* kCountCodeAttempt =
    "UPDATE confirmation_codes SET attempts = attempts + 1 WHERE user_id = ? AND purpose = ?";
inline constexpr const char* kDeleteCode =
    "DELETE FROM confirmation_codes WHERE user_id = ? AND purpose = ?";
inline constexpr const char* kPurgeCodes = "DELETE FROM confirmation_codes WHERE expires_at < ?";

// sign-in attempts
inline constexpr const char* kSelectAttempts =
    "SELECT attempts FROM sign_in_attempts WHERE throttle_key = ?";
inline constexpr const char* kUpsertAttempts =
    "INSERT INTO sign_in_attempts (throttle_key, attempts, newest) VALUES (?, ?, ?)"
    " ON CONFLICT (throttle_key) DO UPDATE SET attempts = excluded.attempts,"
    " newest = excluded.newest";
inline constexpr const char* kDeleteAttempts =
    "DELETE FROM sign_in_attempts WHERE throttle_key = ?";
inline constexpr const char* kPurgeAttempts = "DELETE FROM sign_in_attempts WHERE newest < ?";

// refresh tokens
inline constexpr const char* kInsertRefreshToken =
    "INSERT INTO refresh_tokens (token_hash, family_id, user_id, client_id, scope,"
    " origin_code_hash, auth_time, issued_at, expires_at, rotated_at, revoked_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr const char* kSelectRefreshToken =
    "SELECT token_hash, family_id, user_id, client_id, scope, origin_code_hash, auth_time,"
    " issued_at, expires_at, rotated_at, revoked_at FROM refresh_tokens WHERE token_hash = ?";
inline constexpr const char* kMarkRotated =
    "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL";
inline constexpr const char* kRevokeFamily =
    "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL";
inline constexpr const char* kRevokeUser =
    "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL";
inline constexpr const char* kRevokeFromCode =
    "UPDATE refresh_tokens SET revoked_at = ? WHERE origin_code_hash = ? AND origin_code_hash <> ''"
    " AND revoked_at IS NULL";
inline constexpr const char* kPurgeRefreshTokens =
    "DELETE FROM refresh_tokens WHERE expires_at < ?";

// authorization codes
inline constexpr const char* kInsertAuthorizationCode =
    "INSERT INTO authorization_codes (code_hash, client_id, redirect_uri, code_challenge,"
    " challenge_method, nonce, scope, user_id, auth_time, issued_at, expires_at, redeemed_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr const char* kSelectAuthorizationCode =
    "SELECT code_hash, client_id, redirect_uri, code_challenge, challenge_method, nonce, scope,"
    " user_id, auth_time, issued_at, expires_at, redeemed_at FROM authorization_codes"
    " WHERE code_hash = ?";
inline constexpr const char* kMarkRedeemed =
    "UPDATE authorization_codes SET redeemed_at = ? WHERE code_hash = ? AND redeemed_at IS NULL";
inline constexpr const char* kPurgeAuthorizationCodes =
    "DELETE FROM authorization_codes WHERE expires_at < ?";

// clients
inline constexpr const char* kSelectClient =
    "SELECT client_id, name, secret_hash, redirect_uris, grants, scopes FROM oauth_clients"
    " WHERE client_id = ?";
inline constexpr const char* kSelectClients =
    "SELECT client_id, name, secret_hash, redirect_uris, grants, scopes FROM oauth_clients"
    " ORDER BY client_id";
inline constexpr const char* kUpsertClient =
    "INSERT INTO oauth_clients (client_id, name, secret_hash, redirect_uris, grants, scopes)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET name = excluded.name,"
    " secret_hash = excluded.secret_hash, redirect_uris = excluded.redirect_uris,"
    " grants = excluded.grants, scopes = excluded.scopes";

// signing keys
inline constexpr const char* kSelectKeys =
    "SELECT kid, created_at, retired_at FROM signing_keys ORDER BY created_at, kid";
inline constexpr const char* kInsertKey =
    "INSERT INTO signing_keys (kid, created_at, retired_at) VALUES (?, ?, ?)";
inline constexpr const char* kRetireKey =
    "UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL";
inline constexpr const char* kDeleteKey = "DELETE FROM signing_keys WHERE kid = ?";

// hosted-UI sessions
inline constexpr const char* kInsertSession =
    "INSERT INTO hosted_sessions (session_hash, user_id, auth_time, created_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?)";
inline constexpr const char* kSelectSession =
    "SELECT session_hash, user_id, auth_time, created_at, expires_at FROM hosted_sessions"
    " WHERE session_hash = ?";
inline constexpr const char* kDeleteSession = "DELETE FROM hosted_sessions WHERE session_hash = ?";
inline constexpr const char* kDeleteSessionCodes =
    "DELETE FROM hosted_session_codes WHERE session_hash = ?";
inline constexpr const char* kDeleteUserSessionCodes =
    "DELETE FROM hosted_session_codes WHERE session_hash IN"
    " (SELECT session_hash FROM hosted_sessions WHERE user_id = ?)";
inline constexpr const char* kDeleteUserSessions = "DELETE FROM hosted_sessions WHERE user_id = ?";
inline constexpr const char* kLinkSessionCode =
    "INSERT OR IGNORE INTO hosted_session_codes (session_hash, code_hash) VALUES (?, ?)";
inline constexpr const char* kSelectSessionCodes =
    "SELECT code_hash FROM hosted_session_codes WHERE session_hash = ? ORDER BY code_hash";
inline constexpr const char* kPurgeSessionCodes =
    "DELETE FROM hosted_session_codes WHERE session_hash IN"
    " (SELECT session_hash FROM hosted_sessions WHERE expires_at < ?)";
inline constexpr const char* kPurgeSessions = "DELETE FROM hosted_sessions WHERE expires_at < ?";

}  // namespace hotel::identity::storage::queries
