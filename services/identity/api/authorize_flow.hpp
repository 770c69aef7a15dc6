// The authorization request's checks and its completion, shared by /oauth2/authorize (with a live
// hosted-UI session) and the login form. Open redirect protection: until the client and its
// redirect URI are known to match exactly, errors are shown on an error page and nobody is
// redirected anywhere; after that, errors go back to the client as RFC 6749 error redirects.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "chassis/http/router.hpp"
#include "services/identity/api/api_context.hpp"
#include "services/identity/api/authorize_params.hpp"

namespace hotel::identity::api {

struct CheckedAuthorization {
  AuthorizeParams params;
  domain::GrantType grant = domain::GrantType::kAuthorizationCode;  // or kImplicit
  std::string redirect_uri;                                         // resolved: registered, exactly
  std::string scope;                                                // granted, space-separated
};

// The checked request, or the response refusing it (an error page or an error redirect).
using AuthorizationCheck = std::variant<CheckedAuthorization, http::Response>;
http::Task<AuthorizationCheck> check_authorization_request(ApiContext& context,
                                                           const AuthorizeParams& params);

// For the hosted pages that merely carry an authorization request: the refusal when the request
// they carry is invalid; nullopt when it is valid or there is none.
http::Task<std::optional<http::Response>> refusal_of(ApiContext& context,
                                                     const AuthorizeParams& params);

// Sends the signed-in user back to the client: 302 to the redirect URI with a code and state
// (or, for the implicit grant, tokens in the fragment). A code is linked to the hosted session
// `session_token` (when given) so that /logout revokes what it leads to.
http::Task<http::Response> complete_authorization(ApiContext& context,
                                                  const CheckedAuthorization& checked,
                                                  const domain::User& user,
                                                  domain::TimePoint auth_time,
                                                  std::string_view session_token);

// An RFC 6749 error redirect (query, or fragment for the implicit grant), with state.
http::Response error_redirect(const CheckedAuthorization& checked, std::string_view error,
                              std::string_view description);
http::Response redirect_to(std::string location, int status = 302);
// A page for what cannot be redirected: the error is the user's to read, never the client's.
http::Response error_page(int status, std::string_view title, std::string_view text);

}  // namespace hotel::identity::api
