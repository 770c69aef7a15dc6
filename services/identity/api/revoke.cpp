// POST /oauth2/revoke (RFC 7009): revokes a refresh token and its whole family. Answers 200 for
// any token, known or not, so that it reveals nothing; only client authentication fails.
// Access tokens are self-contained JWTs and live until they expire (one hour by default).
#include <variant>

#include "chassis/core/runtime.hpp"
#include "services/identity/api/client_auth.hpp"
#include "services/identity/api/oauth_response.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

http::Task<http::Response> revoke(ApiContext& context, http::Request& request) {
  auto read = read_oauth_form(request);
  if (auto* refused = std::get_if<http::Response>(&read)) co_return std::move(*refused);
  const Form& form = std::get<Form>(read);
  auto auth = read_client_auth(request, form);
  if (auto* refused = std::get_if<http::Response>(&auth)) co_return std::move(*refused);
  const auto& credentials = std::get<ClientAuth>(auth);
  const std::string token = form.value("token");
  if (token.empty()) co_return oauth_error(400, "invalid_request", "token is required");
  auto client =
      co_await authenticate_client(context, credentials, domain::GrantType::kRefreshToken);
  if (auto* refused = std::get_if<http::Response>(&client)) co_return std::move(*refused);
  const std::string client_id = std::get<domain::OAuthClient>(client).client_id;
  co_await context.runtime.call([&] { context.tokens.revoke_refresh_token(token, client_id); });
  auto response = http::Response::empty(200);
  response.headers.set("Cache-Control", "no-store");
  co_return response;
}

}  // namespace

void add_revoke_routes(http::Router& router, ApiContext& context) {
  router.post("/oauth2/revoke",
              [&context](http::Request& request) { return revoke(context, request); },
              {.body_limit = std::size_t{16} * 1024});
}

}  // namespace hotel::identity::api
