// The parameters of an authorization request (/oauth2/authorize), which the hosted pages carry
// from page to page in their query strings until the user has signed in.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "services/identity/api/form.hpp"

namespace hotel::identity::api {

struct AuthorizeParams {
  std::string response_type;
  std::string client_id;
  std::string redirect_uri;
  std::string scope;
  std::string state;
  std::string nonce;
  std::string code_challenge;
  std::string code_challenge_method;
  std::string prompt;

  static AuthorizeParams from(const Form& form);
  // No authorization request: the user came to a hosted page directly.
  bool empty() const { return client_id.empty() && response_type.empty(); }
  // The non-empty parameters as a query string (no leading '?'); empty when there are none.
  std::string query() const;
  // `path` followed by the query string and `extra` parameters.
  std::string link(std::string_view path,
                   const std::vector<std::pair<std::string, std::string>>& extra = {}) const;
};

// `uri` with `params` added to its query (after '?' or '&'), or as its fragment when
// `fragment`. Values are percent-encoded.
std::string redirect_uri_with(std::string_view uri,
                              const std::vector<std::pair<std::string, std::string>>& params,
                              bool fragment = false);

}  // namespace hotel::identity::api
