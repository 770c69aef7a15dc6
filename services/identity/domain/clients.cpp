#include "services/identity/domain/clients.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

constexpr std::array<std::pair<GrantType, std::string_view>, 5> kGrantNames{{
    {GrantType::kAuthorizationCode, "authorization_code"},
    {GrantType::kImplicit, "implicit"},
    {GrantType::kRefreshToken, "refresh_token"},
    {GrantType::kClientCredentials, "client_credentials"},
    {GrantType::kPassword, "password"},
}};
constexpr std::size_t kMaxClientId = 64;

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool valid_client_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxClientId) return false;
  return std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '.' || ch == '_' || ch == '-';
  });
}

bool valid_redirect(std::string_view uri) {
  const bool scheme = uri.starts_with("https://") || uri.starts_with("http://");
  const auto host_at = uri.find("//") + 2;
  return scheme && uri.size() > host_at && uri[host_at] != '/' &&
         uri.find('#') == std::string_view::npos &&
         uri.find_first_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string_view to_string(GrantType grant) {
  for (const auto& [type, name] : kGrantNames) {
    if (type == grant) return name;
  }
  return "";
}

std::optional<GrantType> parse_grant_type(std::string_view name) {
  for (const auto& [type, known] : kGrantNames) {
    if (known == name) return type;
  }
  return std::nullopt;
}

bool OAuthClient::allows(GrantType grant) const {
  return std::find(grants.begin(), grants.end(), grant) != grants.end();
}

bool OAuthClient::has_redirect(std::string_view uri) const { return contains(redirect_uris, uri); }

core::Result<std::monostate, ClientProblem> check_client_secret(const OAuthClient& client,
                                                                std::string_view presented) {
  if (client.is_public()) {
    if (presented.empty()) return std::monostate{};
    return core::fail(ClientProblem::kBadSecret);
  }
  if (presented.empty() || !constant_time_equal(sha256_hex(presented), client.secret_hash)) {
    return core::fail(ClientProblem::kBadSecret);
  }
  return std::monostate{};
}

core::Result<std::string, ClientProblem> resolve_redirect(const OAuthClient& client,
                                                          std::string_view requested) {
  if (requested.empty()) {
    if (client.redirect_uris.size() == 1) return client.redirect_uris.front();
    return core::fail(ClientProblem::kRedirectNotRegistered);
  }
  if (!client.has_redirect(requested)) return core::fail(ClientProblem::kRedirectNotRegistered);
  return std::string(requested);
}

core::Result<std::vector<std::string>, ClientProblem> grant_scopes(const OAuthClient& client,
                                                                   std::string_view requested) {
  std::vector<std::string> granted;
  for (auto& scope : split_words(requested)) {
    if (!contains(client.scopes, scope)) return core::fail(ClientProblem::kScopeNotAllowed);
    if (!contains(granted, scope)) granted.push_back(std::move(scope));
  }
  if (granted.empty()) return client.scopes;
  return granted;
}

Validation validate_client(const OAuthClient& client) {
  if (!valid_client_id(client.client_id)) {
    return core::fail(FieldError{"client_id", "must be 1 to 64 of A-Z a-z 0-9 . _ -"});
  }
  for (const auto& uri : client.redirect_uris) {
    if (!valid_redirect(uri)) {
      return core::fail(
          FieldError{"redirect_uris", "'" + uri + "' is not an absolute http(s) URI without #"});
    }
  }
  for (const auto& scope : client.scopes) {
    if (scope.empty() || scope.find_first_of(" \t\r\n\"\\") != std::string::npos) {
      return core::fail(FieldError{"scopes", "'" + scope + "' is not a valid scope token"});
    }
  }
  return std::monostate{};
}

}  // namespace hotel::identity::domain
