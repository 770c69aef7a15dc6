// GET /login: the sign-in form; POST /login: signs in, starts the hosted-UI session and completes
// the authorization request carried in the query string (or, without one, returns to the web UI).
// Failures never say whether the e-mail address has an account; a lockout says when to retry.
#include "chassis/core/runtime.hpp"
#include "chassis/observe/logger.hpp"
#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/client_address.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/html.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

using application::AuthFailure;

http::Response login_page(const http::Request& request, const ApiContext& context,
                          const AuthorizeParams& params, const PageMessages& messages,
                          const Form& values) {
  return hosted_page(request, context, messages.status, "Sign in", [&](std::string_view csrf) {
    std::string body;
    if (!messages.error.empty()) body += message("error", messages.error);
    if (!messages.notice.empty()) body += message("info", messages.notice);
    body += form(params.link("/login"), csrf,
                 field({.label = "E-mail address",
                        .name = "email",
                        .type = "email",
                        .value = values.value("email"),
                        .autocomplete = "username"}) +
                     field({.label = "Password",
                            .name = "password",
                            .type = "password",
                            .autocomplete = "current-password"}),
                 "Sign in");
    body += paragraph(link(params.link("/forgot-password"), "Forgot your password?"));
    body += paragraph("New here? " + link(params.link("/signup"), "Create an account"));
    return body;
  });
}

// The answer to a failed sign-in.
http::Task<http::Response> refuse(ApiContext& context, const http::Request& request,
                                  const HostedPost& post, const AuthFailure& failure) {
  const auto again = [&](int status, std::string_view error) {
    return login_page(request, context, post.params, {.status = status, .error = error}, post.form);
  };
  switch (failure.kind) {
    case AuthFailure::Kind::kInvalidCredentials:
      break;
    case AuthFailure::Kind::kLocked: {
      auto page = again(429, "Too many failed sign-in attempts. Try again in " +
                                 duration_text(failure.retry_after) + ".");
      page.headers.set("Retry-After", std::to_string(failure.retry_after.count()));
      co_return page;
    }
    case AuthFailure::Kind::kUnconfirmed: {
      // Only after the right password: a new code, and on to the confirmation form.
      const std::string email = post.form.value("email");
      co_await context.runtime.call(
          [&] { context.pool.resend_code(email, request.context.traceparent()); });
      co_return redirect_to(
          post.params.link("/confirm", {{"email", email}, {"notice", "confirm_first"}}), 303);
    }
    case AuthFailure::Kind::kDisabled:
      co_return again(403, "This account is disabled. Please contact the hotel's team.");
  }
  co_return again(401, "Incorrect e-mail address or password.");
}

// GCC 12 at -O2 reports a false -Wmismatched-new-delete on some Asio awaitable frames (the
// frame's sized operator delete after inlining its operator new; GCC PR 109224). Silenced for
// this function only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
http::Task<http::Response> post_login(ApiContext& context, http::Request& request) {
  auto accepted = co_await accept_form_post(context, request, login_page);
  if (auto* answer = std::get_if<http::Response>(&accepted)) co_return std::move(*answer);
  const auto& post = std::get<HostedPost>(accepted);
  const std::string email = post.form.value("email");
  const std::string password = post.form.value("password");
  if (email.empty() || password.empty()) {
    co_return login_page(request, context, post.params,
                         {.status = 400, .error = "Enter your e-mail address and your password."},
                         post.form);
  }
  const std::string address = client_address(request, context.settings.trusted_proxies);
  auto result = co_await context.runtime.call(
      [&] { return context.pool.authenticate(email, password, address); });
  if (!result) co_return co_await refuse(context, request, post, result.error());

  const auto& signed_in = result.value();
  const auto session = co_await context.runtime.call(
      [&] { return context.sessions.start(signed_in.user.id, signed_in.auth_time); });
  context.logger.info("signed in", {{"sub", signed_in.user.id}});
  http::Response response = redirect_to(context.settings.web_redirect_uris.front(), 303);
  if (!post.params.empty()) {
    auto check = co_await check_authorization_request(context, post.params);
    if (auto* checked = std::get_if<CheckedAuthorization>(&check)) {
      response = co_await complete_authorization(context, *checked, signed_in.user,
                                                 signed_in.auth_time, session.token);
    } else {
      response = std::get<http::Response>(std::move(check));
    }
  }
  set_session_cookie(response, context, session.token);
  co_return response;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

void add_login_routes(http::Router& router, ApiContext& context) {
  router.get("/login", [&context](http::Request& request) {
    return show_form_page(context, request, login_page);
  });
  router.post("/login",
              [&context](http::Request& request) { return post_login(context, request); });
}

}  // namespace hotel::identity::api
