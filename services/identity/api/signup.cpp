// GET /signup: the sign-up form; POST /signup: creates the (unconfirmed) user, which sends a
// confirmation code, and goes on to /confirm carrying the authorization request.
#include "chassis/core/runtime.hpp"
#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/html.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

http::Response signup_page(const http::Request& request, const ApiContext& context,
                           const AuthorizeParams& params, const PageMessages& messages,
                           const Form& values) {
  const std::string hint = password_hint(context.settings.options.password_policy);
  return hosted_page(
      request, context, messages.status, "Create an account", [&](std::string_view csrf) {
        std::string body;
        if (!messages.error.empty()) body += message("error", messages.error);
        body += form(params.link("/signup"), csrf,
                     field({.label = "E-mail address",
                            .name = "email",
                            .type = "email",
                            .value = values.value("email"),
                            .autocomplete = "email"}) +
                         field({.label = "Given name",
                                .name = "given_name",
                                .value = values.value("given_name"),
                                .autocomplete = "given-name"}) +
                         field({.label = "Family name",
                                .name = "family_name",
                                .value = values.value("family_name"),
                                .autocomplete = "family-name"}) +
                         field({.label = "Password",
                                .name = "password",
                                .type = "password",
                                .autocomplete = "new-password",
                                .hint = hint}),
                     "Create account");
        body += paragraph("Already have an account? " + link(params.link("/login"), "Sign in"));
        return body;
      });
}

http::Task<http::Response> post_signup(ApiContext& context, http::Request& request) {
  auto accepted = co_await accept_form_post(context, request, signup_page);
  if (auto* answer = std::get_if<http::Response>(&accepted)) co_return std::move(*answer);
  const auto& post = std::get<HostedPost>(accepted);
  const Form& form = post.form;
  const auto result = co_await context.runtime.call([&] {
    return context.pool.sign_up(
        {.email = form.value("email"),
         .password = form.value("password"),
         .attributes = {form.value("given_name"), form.value("family_name"), "", ""},
         .traceparent = request.context.traceparent()});
  });
  if (!result) {
    const bool taken = result.error().kind == application::UserPoolError::Kind::kEmailTaken;
    const std::string error = pool_error_text(result.error());
    co_return signup_page(request, context, post.params,
                          {.status = taken ? 409 : 400, .error = error}, form);
  }
  co_return redirect_to(
      post.params.link("/confirm", {{"email", result->email}, {"notice", "code_sent"}}), 303);
}

}  // namespace

void add_signup_routes(http::Router& router, ApiContext& context) {
  router.get("/signup", [&context](http::Request& request) {
    return show_form_page(context, request, signup_page);
  });
  router.post("/signup",
              [&context](http::Request& request) { return post_signup(context, request); });
}

}  // namespace hotel::identity::api
