// Refresh tokens: 32 random bytes handed out once and stored as their SHA-256. Each sign-in starts
// a family; using a token rotates it (the old one stops working, its successor joins the family and
// keeps the family's expiry, so a session ends `lifetime` after sign-in however often it is
// refreshed). A rotated token presented again means it was copied: the whole family is revoked.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "chassis/core/result.hpp"
#include "services/identity/domain/user.hpp"

namespace hotel::identity::domain {

struct RefreshTokenRules {
  std::chrono::seconds lifetime = std::chrono::hours(24 * 30);
};

struct RefreshToken {
  std::string hash;  // sha256_hex of the token
  std::string family_id;
  std::string user_id;
  std::string client_id;
  std::string scope;             // space-separated
  std::string origin_code_hash;  // the authorization code the family was issued from, or empty
  TimePoint auth_time;           // when the user signed in
  TimePoint issued_at;
  TimePoint expires_at;
  std::optional<TimePoint> rotated_at;
  std::optional<TimePoint> revoked_at;
};

// A token as handed to the client (`token`) and as stored.
struct IssuedRefreshToken {
  std::string token;
  RefreshToken record;
};

// What a new family is issued for.
struct RefreshGrant {
  std::string user_id;
  std::string client_id;
  std::string scope;
  TimePoint auth_time;
  std::string origin_code_hash;
};

IssuedRefreshToken start_family(const RefreshTokenRules& rules, RefreshGrant grant, TimePoint now);
// The token that replaces `current` in its family (same grant, same expiry).
IssuedRefreshToken successor(const RefreshToken& current, TimePoint now);

enum class RefreshRejection {
  kUnknown,      // no such token
  kRevoked,      // signed out, or its family was revoked
  kReused,       // already rotated: the caller revokes the family
  kWrongClient,  // issued to another client
  kExpired,
  kUserDisabled,  // the user was disabled or deleted since
};

core::Result<std::monostate, RefreshRejection> check_refresh(const RefreshToken& token,
                                                             std::string_view client_id,
                                                             TimePoint now);

}  // namespace hotel::identity::domain
