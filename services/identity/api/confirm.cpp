// GET /confirm: the form for the e-mailed sign-up code; POST /confirm: confirms the address and
// goes on to the login form; POST /confirm/resend: sends a new code (silently nothing for an
// unknown or already confirmed address).
#include "chassis/core/runtime.hpp"
#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/html.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

http::Response confirm_page(const http::Request& request, const ApiContext& context,
                            const AuthorizeParams& params, const PageMessages& messages,
                            const Form& values) {
  const std::string email = values.value("email");
  return hosted_page(
      request, context, messages.status, "Confirm your e-mail address", [&](std::string_view csrf) {
        std::string body;
        if (!messages.error.empty()) body += message("error", messages.error);
        if (!messages.notice.empty()) body += message("info", messages.notice);
        body += form(params.link("/confirm"), csrf,
                     field({.label = "E-mail address",
                            .name = "email",
                            .type = "email",
                            .value = email,
                            .autocomplete = "username"}) +
                         field({.label = "Confirmation code",
                                .name = "code",
                                .autocomplete = "one-time-code",
                                .hint = "The six digits we sent you."}),
                     "Confirm");
        body +=
            form(params.link("/confirm/resend"), csrf, hidden("email", email), "Send a new code");
        return body;
      });
}

http::Task<http::Response> post_confirm(ApiContext& context, http::Request& request) {
  auto accepted = co_await accept_form_post(context, request, confirm_page);
  if (auto* answer = std::get_if<http::Response>(&accepted)) co_return std::move(*answer);
  const auto& post = std::get<HostedPost>(accepted);
  const auto result = co_await context.runtime.call([&] {
    return context.pool.confirm_sign_up(post.form.value("email"), post.form.value("code"),
                                        request.context.traceparent());
  });
  if (!result) {
    const std::string error = pool_error_text(result.error());
    co_return confirm_page(request, context, post.params, {.status = 400, .error = error},
                           post.form);
  }
  co_return redirect_to(
      post.params.link("/login", {{"email", result->email}, {"notice", "confirmed"}}), 303);
}

http::Task<http::Response> post_resend(ApiContext& context, http::Request& request) {
  auto accepted = co_await accept_form_post(context, request, confirm_page);
  if (auto* answer = std::get_if<http::Response>(&accepted)) co_return std::move(*answer);
  const auto& post = std::get<HostedPost>(accepted);
  const std::string email = post.form.value("email");
  co_await context.runtime.call(
      [&] { context.pool.resend_code(email, request.context.traceparent()); });
  co_return redirect_to(post.params.link("/confirm", {{"email", email}, {"notice", "code_sent"}}),
                        303);
}

}  // namespace

void add_confirm_routes(http::Router& router, ApiContext& context) {
  router.get("/confirm", [&context](http::Request& request) {
    return show_form_page(context, request, confirm_page);
  });
  router.post("/confirm",
              [&context](http::Request& request) { return post_confirm(context, request); });
  router.post("/confirm/resend",
              [&context](http::Request& request) { return post_resend(context, request); });
}

}  // namespace hotel::identity::api
