#include "chassis/auth/claims.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "chassis/auth/auth_error.hpp"

namespace hotel::auth {

namespace {

[[noreturn]] void invalid(std::string_view name, std::string_view why) {
  throw AuthError(AuthReason::kInvalidClaims,
                  "claim " + std::string(name) + " " + std::string(why));
}

// A string claim; empty when absent.
std::string string_claim(const boost::json::object& payload, std::string_view name) {
  const auto* value = payload.if_contains(name);
  if (value == nullptr) return {};
  if (!value->is_string()) invalid(name, "must be a string");
  return std::string(value->get_string());
}

std::vector<std::string> string_array_claim(const boost::json::object& payload,
                                            std::string_view name) {
  const auto* value = payload.if_contains(name);
  if (value == nullptr) return {};
  if (!value->is_array()) invalid(name, "must be an array of strings");
  std::vector<std::string> items;
  for (const auto& item : value->get_array()) {
    if (!item.is_string()) invalid(name, "must be an array of strings");
    items.emplace_back(item.get_string());
  }
  return items;
}

std::vector<std::string> split_scopes(std::string_view scope) {
  std::vector<std::string> scopes;
  while (!scope.empty()) {
    const std::size_t space = scope.find(' ');
    if (space != 0) scopes.emplace_back(scope.substr(0, space));
    if (space == std::string_view::npos) break;
    scope.remove_prefix(space + 1);
  }
  return scopes;
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The audience the token was issued to: aud for ID tokens (a string or an array of strings; the
// accepted one when there is a choice), client_id for access tokens.
std::string audience(const boost::json::object& payload, bool id_token,
                     const std::vector<std::string>& accepted) {
  if (!id_token) return string_claim(payload, "client_id");
  const auto* aud = payload.if_contains("aud");
  if (aud != nullptr && aud->is_array()) {
    const std::vector<std::string> all = string_array_claim(payload, "aud");
    for (const auto& candidate : all) {
      if (accepted.empty() || contains(accepted, candidate)) return candidate;
    }
    return {};
  }
  return string_claim(payload, "aud");
}

void check_times(const boost::json::object& payload, std::int64_t leeway, std::int64_t now) {
  const auto exp = numeric_date(payload, "exp");
  if (!exp) throw AuthError(AuthReason::kExpired, "token has no exp");
  if (*exp <= now - leeway) throw AuthError(AuthReason::kExpired, "token expired");
  if (const auto nbf = numeric_date(payload, "nbf"); nbf && *nbf > now + leeway) {
    throw AuthError(AuthReason::kNotYetValid, "token not valid yet (nbf)");
  }
  if (const auto iat = numeric_date(payload, "iat"); iat && *iat > now + leeway) {
    throw AuthError(AuthReason::kNotYetValid, "token issued in the future (iat)");
  }
}

}  // namespace

std::optional<std::int64_t> numeric_date(const boost::json::object& payload,
                                         std::string_view name) {
  const auto* value = payload.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64()) return value->get_int64();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(kMax)) {
    return static_cast<std::int64_t>(value->get_uint64());
  }
  // Finite and well inside int64 (2^62 seconds is far past any real date).
  if (value->is_double() && std::isfinite(value->get_double()) &&
      std::fabs(value->get_double()) < 4.6e18) {
    return static_cast<std::int64_t>(std::floor(value->get_double()));
  }
  invalid(name, "must be a number of seconds");
}

Principal check_claims(const boost::json::object& payload, const ClaimRules& rules,
                       std::int64_t now) {
  check_times(payload, rules.leeway.count(), now);
  Principal principal;
  principal.token_use = string_claim(payload, "token_use");
  if (!contains(rules.accepted_token_use, principal.token_use)) {
    throw AuthError(AuthReason::kWrongTokenUse,
                    "token_use \"" + principal.token_use + "\" is not accepted here");
  }
  const bool id_token = principal.token_use == "id";
  principal.client_id = audience(payload, id_token, rules.audiences);
  if (!rules.audiences.empty() && !contains(rules.audiences, principal.client_id)) {
    throw AuthError(AuthReason::kWrongAudience,
                    id_token ? "aud is not accepted here" : "client_id is not accepted here");
  }
  principal.sub = string_claim(payload, "sub");
  if (principal.sub.empty()) invalid("sub", "is required");
  principal.issuer = string_claim(payload, "iss");
  principal.username = string_claim(payload, "cognito:username");
  if (principal.username.empty()) principal.username = string_claim(payload, "username");
  principal.email = string_claim(payload, "email");
  principal.given_name = string_claim(payload, "given_name");
  principal.family_name = string_claim(payload, "family_name");
  principal.groups = string_array_claim(payload, "cognito:groups");
  principal.scopes = split_scopes(string_claim(payload, "scope"));
  principal.expires_at = *numeric_date(payload, "exp");
  return principal;
}

}  // namespace hotel::auth
