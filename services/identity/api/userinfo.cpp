// GET and POST /oauth2/userInfo: the signed-in user's claims for a valid access token (verified by
// the auth middleware like every other route) issued here with the openid scope. A service token,
// another issuer's token, or a token of a user since disabled or deleted is refused with an
// RFC 6750 error.
#include "chassis/auth/middleware.hpp"
#include "chassis/core/runtime.hpp"
#include "services/identity/api/oauth_response.hpp"
#include "services/identity/api/routes.hpp"
#include "services/identity/application/token_claims.hpp"

namespace hotel::identity::api {
namespace {

http::Response bearer_error(int status, std::string_view error, std::string_view description) {
  auto response = oauth_error(status, error, description);
  response.headers.set("WWW-Authenticate", "Bearer error=\"" + std::string(error) +
                                               "\", error_description=\"" +
                                               std::string(description) + "\"");
  return response;
}

http::Task<http::Response> user_info(ApiContext& context, http::Request& request) {
  const auth::Principal& principal = auth::require_principal(request);
  if (principal.issuer != context.settings.issuer || principal.token_use != "access") {
    co_return bearer_error(401, "invalid_token", "not an access token of this user pool");
  }
  if (principal.is_service() || !principal.has_scope("openid")) {
    co_return bearer_error(403, "insufficient_scope", "the token needs the openid scope");
  }
  const auto user =
      co_await context.runtime.call([&] { return context.pool.get_user(principal.sub); });
  if (!user || !user->enabled) {
    co_return bearer_error(401, "invalid_token", "the user no longer exists or is disabled");
  }
  co_return oauth_json(application::user_info(*user, principal.scopes));
}

}  // namespace

void add_userinfo_routes(http::Router& router, ApiContext& context) {
  const http::RoutePolicy policy{.access = http::Access::signed_in()};
  const auto handler = [&context](http::Request& request) { return user_info(context, request); };
  router.get("/oauth2/userInfo", handler, policy);
  router.post("/oauth2/userInfo", handler, policy);
}

}  // namespace hotel::identity::api
