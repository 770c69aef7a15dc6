// The verified caller, built from a token's claims (Cognito's claim names).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotel::auth {

struct Principal {
  std::string sub;          // sub: the user's id, or the client id of a client-credentials token
  std::string username;     // cognito:username (ID token) or username (access token)
  std::string email;        // ID tokens only
  std::string given_name;   // ID tokens only
  std::string family_name;  // ID tokens only
  std::string client_id;    // client_id (access token) or aud (ID token)
  std::string token_use;    // "access" or "id"
  std::string issuer;       // iss
  std::vector<std::string> groups;  // cognito:groups
  std::vector<std::string> scopes;  // scope, split on spaces
  std::int64_t expires_at = 0;      // exp, seconds since the epoch

  bool in_group(std::string_view group) const {
    return std::find(groups.begin(), groups.end(), group) != groups.end();
  }
  bool has_scope(std::string_view scope) const {
    return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
  }
  // A client-credentials token (service to service): it names no user.
  bool is_service() const { return username.empty(); }
};

}  // namespace hotel::auth
