// GET /oauth2/authorize: checks the request (client, exact redirect URI, response type, scope,
// PKCE), then with a live hosted-UI session sends the user straight back with a code (or tokens
// for the implicit grant), as Cognito does; otherwise sends them to the login form with the
// request's parameters. prompt=login forces the form; prompt=none never shows it.
#include <variant>

#include "chassis/core/runtime.hpp"
#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/cookies.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/minting.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

http::Task<http::Response> authorize(ApiContext& context, http::Request& request) {
  const Form query = query_form(request);
  if (const auto repeated = query.first_repeated(); !repeated.empty()) {
    co_return error_page(400, "This sign-in link is not valid",
                         "The link repeats the parameter " + repeated + ".");
  }
  auto check = co_await check_authorization_request(context, AuthorizeParams::from(query));
  if (auto* refused = std::get_if<http::Response>(&check)) co_return std::move(*refused);
  const auto& checked = std::get<CheckedAuthorization>(check);
  const std::string& prompt = checked.params.prompt;
  const std::string login = checked.params.link("/login");
  if (has_scope(prompt, "login")) co_return redirect_to(login);

  const std::string token = read_cookie(request, kSessionCookie).value_or("");
  const auto live = co_await context.runtime.call([&] { return context.sessions.resume(token); });
  if (live) {
    co_return co_await complete_authorization(context, checked, live->user, live->session.auth_time,
                                              token);
  }
  if (has_scope(prompt, "none")) {
    co_return error_redirect(checked, "login_required", "the user is not signed in");
  }
  co_return redirect_to(login);
}

}  // namespace

void add_authorize_routes(http::Router& router, ApiContext& context) {
  router.get("/oauth2/authorize",
             [&context](http::Request& request) { return authorize(context, request); });
}

}  // namespace hotel::identity::api
