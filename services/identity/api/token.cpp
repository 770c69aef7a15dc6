// POST /oauth2/token: form-encoded, the client authenticated by HTTP Basic or form fields, errors
// in RFC 6749's JSON shape (400, or 401 invalid_client). The grants are in token_grants.cpp.
#include <variant>

#include "chassis/core/runtime.hpp"
#include "services/identity/api/client_auth.hpp"
#include "services/identity/api/oauth_response.hpp"
#include "services/identity/api/routes.hpp"
#include "services/identity/api/token_grants.hpp"

namespace hotel::identity::api {
namespace {

using domain::GrantType;

http::Task<http::Response> token(ApiContext& context, http::Request& request) {
  auto read = read_oauth_form(request);
  if (auto* refused = std::get_if<http::Response>(&read)) co_return std::move(*refused);
  const Form& form = std::get<Form>(read);

  const std::string grant_name = form.value("grant_type");
  if (grant_name.empty()) co_return oauth_error(400, "invalid_request", "grant_type is required");
  const auto grant = domain::parse_grant_type(grant_name);
  if (!grant || *grant == GrantType::kImplicit) {
    co_return oauth_error(400, "unsupported_grant_type",
                          "grant_type must be authorization_code, refresh_token, "
                          "client_credentials or password");
  }
  auto auth = read_client_auth(request, form);
  if (auto* refused = std::get_if<http::Response>(&auth)) co_return std::move(*refused);
  const auto& credentials = std::get<ClientAuth>(auth);
  auto authenticated = co_await authenticate_client(context, credentials, *grant);
  if (auto* refused = std::get_if<http::Response>(&authenticated)) co_return std::move(*refused);
  const auto& client = std::get<domain::OAuthClient>(authenticated);
  switch (*grant) {
    case GrantType::kAuthorizationCode:
      co_return co_await authorization_code_grant(context, form, client);
    case GrantType::kRefreshToken:
      co_return co_await refresh_token_grant(context, form, client);
    case GrantType::kClientCredentials:
      co_return co_await client_credentials_grant(context, form, client);
    case GrantType::kPassword:
      co_return co_await password_grant(context, form, client, request);
    case GrantType::kImplicit:
      break;
  }
  co_return oauth_error(400, "unsupported_grant_type", "grant_type is not supported here");
}

}  // namespace

void add_token_routes(http::Router& router, ApiContext& context) {
  router.post("/oauth2/token",
              [&context](http::Request& request) { return token(context, request); },
              {.body_limit = std::size_t{16} * 1024});
}

}  // namespace hotel::identity::api
