// What the hosted pages (login, sign-up, confirm, forgot and reset password) share: reading a
// form POST with its CSRF check and the authorization request carried in the query string,
// rendering a page with a CSRF token, the session cookie, and the user-facing messages.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

#include "chassis/http/router.hpp"
#include "services/identity/api/api_context.hpp"
#include "services/identity/api/authorize_params.hpp"
#include "services/identity/api/form.hpp"

namespace hotel::identity::api {

// The request's query string as a form (empty when malformed).
Form query_form(const http::Request& request);

struct HostedPost {
  Form form;               // the body (empty when it is not a valid form)
  AuthorizeParams params;  // from the query string
  bool csrf_ok = false;
};
HostedPost read_hosted_post(const http::Request& request, const ApiContext& context);

// What a form page shows besides its fields.
struct PageMessages {
  int status = 200;
  std::string_view error;
  std::string_view notice;
};
// A hosted form page, rendered from the authorization request it carries, its messages, and the
// values to prefill (the query string on GET, the posted form on POST; never a password).
using FormPage = http::Response (*)(const http::Request& request, const ApiContext& context,
                                    const AuthorizeParams& params, const PageMessages& messages,
                                    const Form& values);

// GET of a form page: the refusal of an invalid authorization request, else the page with the
// query's notice (see notice_text) and values.
http::Task<http::Response> show_form_page(ApiContext& context, const http::Request& request,
                                          FormPage page);
// POST of a form page: the post when it passes the CSRF check and carries a valid (or no)
// authorization request; else the answer: the page again with a 403, or the refusal.
http::Task<std::variant<HostedPost, http::Response>> accept_form_post(ApiContext& context,
                                                                      const http::Request& request,
                                                                      FormPage page);

// A page whose body is built around the form's CSRF token; sets the CSRF cookie when new.
using PageBody = std::function<std::string(std::string_view csrf_token)>;
http::Response hosted_page(const http::Request& request, const ApiContext& context, int status,
                           std::string_view title, const PageBody& body);

// Starts the hosted-UI session cookie (HttpOnly, SameSite=Lax, Secure under https).
void set_session_cookie(http::Response& response, const ApiContext& context,
                        std::string_view token);

// "1 minute", "15 minutes", "40 seconds": how long a lockout lasts, for people.
std::string duration_text(std::chrono::seconds duration);
// The message of a `notice` query parameter (a fixed set; anything else is ignored).
std::string notice_text(std::string_view notice);
// A user pool error as a sentence for a page ("Password must have at least 8 characters.").
std::string pool_error_text(const application::UserPoolError& error);
// The password policy for a field's hint.
std::string password_hint(const domain::PasswordPolicy& policy);
// The message for a form refused by the CSRF check.
inline constexpr std::string_view kCsrfFailed =
    "This form has expired or did not come from this site. Please try again.";

}  // namespace hotel::identity::api
