// The grants of POST /oauth2/token, each for a client already authenticated and allowed it.
#pragma once

#include "chassis/http/router.hpp"
#include "services/identity/api/api_context.hpp"
#include "services/identity/api/form.hpp"

namespace hotel::identity::api {

// code, redirect_uri, code_verifier -> access, ID (with openid) and refresh tokens.
http::Task<http::Response> authorization_code_grant(ApiContext& context, const Form& form,
                                                    const domain::OAuthClient& client);
// refresh_token -> new tokens and the refresh token's successor (rotation).
http::Task<http::Response> refresh_token_grant(ApiContext& context, const Form& form,
                                               const domain::OAuthClient& client);
// scope -> a service access token.
http::Task<http::Response> client_credentials_grant(ApiContext& context, const Form& form,
                                                    const domain::OAuthClient& client);
// username, password, scope -> tokens; for hotel-bench only, when enabled.
http::Task<http::Response> password_grant(ApiContext& context, const Form& form,
                                          const domain::OAuthClient& client,
                                          const http::Request& request);

}  // namespace hotel::identity::api
