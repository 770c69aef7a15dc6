// GET/POST /forgot-password: asks for a reset code (the same answer whether or not the address
// has an account); GET/POST /reset-password: sets a new password with the code, which also
// revokes the user's refresh tokens and ends their hosted-UI sessions.
#include "chassis/core/runtime.hpp"
#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/html.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

http::Response forgot_page(const http::Request& request, const ApiContext& context,
                           const AuthorizeParams& params, const PageMessages& messages,
                           const Form& values) {
  return hosted_page(
      request, context, messages.status, "Forgot your password?", [&](std::string_view csrf) {
        std::string body;
        if (!messages.error.empty()) body += message("error", messages.error);
        body += paragraph("Enter your e-mail address and we will send you a code to reset it.");
        body += form(params.link("/forgot-password"), csrf,
                     field({.label = "E-mail address",
                            .name = "email",
                            .type = "email",
                            .value = values.value("email"),
                            .autocomplete = "username"}),
                     "Send code");
        body += paragraph(link(params.link("/login"), "Back to sign in"));
        return body;
      });
}

http::Response reset_page(const http::Request& request, const ApiContext& context,
                          const AuthorizeParams& params, const PageMessages& messages,
                          const Form& values) {
  const std::string hint = password_hint(context.settings.options.password_policy);
  return hosted_page(
      request, context, messages.status, "Reset your password", [&](std::string_view csrf) {
        std::string body;
        if (!messages.error.empty()) body += message("error", messages.error);
        if (!messages.notice.empty()) body += message("info", messages.notice);
        body += form(params.link("/reset-password"), csrf,
                     field({.label = "E-mail address",
                            .name = "email",
                            .type = "email",
                            .value = values.value("email"),
                            .autocomplete = "username"}) +
                         field({.label = "Code", .name = "code", .autocomplete = "one-time-code"}) +
                         field({.label = "New password",
                                .name = "password",
                                .type = "password",
                                .autocomplete = "new-password",
                                .hint = hint}),
                     "Set new password");
        return body;
      });
}

http::Task<http::Response> post_forgot(ApiContext& context, http::Request& request) {
  auto accepted = co_await accept_form_post(context, request, forgot_page);
  if (auto* answer = std::get_if<http::Response>(&accepted)) co_return std::move(*answer);
  const auto& post = std::get<HostedPost>(accepted);
  const std::string email = post.form.value("email");
  if (email.empty()) {
    co_return forgot_page(request, context, post.params,
                          {.status = 400, .error = "Enter your e-mail address."}, post.form);
  }
  co_await context.runtime.call(
      [&] { context.pool.forgot_password(email, request.context.traceparent()); });
  co_return redirect_to(
      post.params.link("/reset-password", {{"email", email}, {"notice", "reset_sent"}}), 303);
}

http::Task<http::Response> post_reset(ApiContext& context, http::Request& request) {
  auto accepted = co_await accept_form_post(context, request, reset_page);
  if (auto* answer = std::get_if<http::Response>(&accepted)) co_return std::move(*answer);
  const auto& post = std::get<HostedPost>(accepted);
  const std::string email = post.form.value("email");
  const auto result = co_await context.runtime.call([&] {
    auto reset = context.pool.confirm_forgot_password(
        email, post.form.value("code"), post.form.value("password"), request.context.traceparent());
    if (reset) {
      if (const auto user = context.pool.find_user(email)) context.sessions.end_all(user->id);
    }
    return reset;
  });
  if (!result) {
    const std::string error = pool_error_text(result.error());
    co_return reset_page(request, context, post.params, {.status = 400, .error = error}, post.form);
  }
  co_return redirect_to(post.params.link("/login", {{"email", email}, {"notice", "reset"}}), 303);
}

}  // namespace

void add_password_reset_routes(http::Router& router, ApiContext& context) {
  router.get("/forgot-password", [&context](http::Request& request) {
    return show_form_page(context, request, forgot_page);
  });
  router.post("/forgot-password",
              [&context](http::Request& request) { return post_forgot(context, request); });
  router.get("/reset-password", [&context](http::Request& request) {
    return show_form_page(context, request, reset_page);
  });
  router.post("/reset-password",
              [&context](http::Request& request) { return post_reset(context, request); });
}

}  // namespace hotel::identity::api
