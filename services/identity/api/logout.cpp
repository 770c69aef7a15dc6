// GET /logout (Cognito's shape): ends the hosted-UI session, revokes the refresh tokens obtained
// through it, clears the cookie, and then
//   ?client_id=..&logout_uri=..             redirects to logout_uri, which must be one of the
//                                           client's registered URIs, exactly;
//   ?client_id=..&redirect_uri=..&response_type=..  starts a new sign-in (/oauth2/authorize);
//   otherwise                               shows a "signed out" page.
// An unregistered logout_uri gets an error page, never a redirect (open redirect protection).
#include <variant>

#include "chassis/core/runtime.hpp"
#include "chassis/observe/logger.hpp"
#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/cookies.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/html.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

constexpr std::string_view kSignedOut = "Signed out";

// Where to send the signed-out user: a Location, or the page to show instead.
http::Task<std::variant<std::string, http::Response>> destination(ApiContext& context,
                                                                  const Form& query) {
  const std::string client_id = query.value("client_id");
  const std::string logout_uri = query.value("logout_uri");
  if (client_id.empty()) {
    if (logout_uri.empty()) {
      co_return html_page(200, kSignedOut, message("info", "You are signed out."));
    }
    co_return error_page(400, kSignedOut,
                         "You are signed out. The return address cannot be used without the "
                         "application's client_id.");
  }
  if (!logout_uri.empty()) {
    const auto client =
        co_await context.runtime.call([&] { return context.clients.find(client_id); });
    if (!client || !client->has_redirect(logout_uri)) {
      co_return error_page(400, kSignedOut,
                           "You are signed out. The return address (logout_uri) is not "
                           "registered for this application, so you are not being sent there.");
    }
    co_return logout_uri;
  }
  const auto params = AuthorizeParams::from(query);
  if (auto refused = co_await refusal_of(context, params)) co_return std::move(*refused);
  co_return params.link("/oauth2/authorize");
}

http::Task<http::Response> logout(ApiContext& context, http::Request& request) {
  const std::string token = read_cookie(request, kSessionCookie).value_or("");
  const int revoked = co_await context.runtime.call([&] { return context.sessions.end(token); });
  if (!token.empty()) {
    context.logger.info("signed out", {{"revoked_refresh_tokens", revoked}});
  }
  auto target = co_await destination(context, query_form(request));
  http::Response response = std::holds_alternative<std::string>(target)
                                ? redirect_to(std::get<std::string>(std::move(target)))
                                : std::get<http::Response>(std::move(target));
  response.headers.add("Set-Cookie",
                       clear_cookie_header(kSessionCookie, context.settings.secure_cookies()));
  co_return response;
}

}  // namespace

void add_logout_routes(http::Router& router, ApiContext& context) {
  router.get("/logout", [&context](http::Request& request) { return logout(context, request); });
}

}  // namespace hotel::identity::api
