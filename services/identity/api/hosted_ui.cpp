#include "services/identity/api/hosted_ui.hpp"

#include "services/identity/api/authorize_flow.hpp"
#include "services/identity/api/cookies.hpp"
#include "services/identity/api/csrf.hpp"
#include "services/identity/api/html.hpp"

namespace hotel::identity::api {

Form query_form(const http::Request& request) {
  return Form::parse(request.query).value_or(Form{});
}

HostedPost read_hosted_post(const http::Request& request, const ApiContext& context) {
  HostedPost post;
  post.params = AuthorizeParams::from(query_form(request));
  if (!is_form_encoded(request)) return post;
  auto form = Form::parse(request.body);
  if (!form) return post;
  post.form = std::move(*form);
  post.csrf_ok = csrf_valid(request, post.form, context.csrf_key);
  return post;
}

http::Task<http::Response> show_form_page(ApiContext& context, const http::Request& request,
                                          FormPage page) {
  const Form query = query_form(request);
  const auto params = AuthorizeParams::from(query);
  if (auto refused = co_await refusal_of(context, params)) co_return std::move(*refused);
  const std::string notice = notice_text(query.value("notice"));
  co_return page(request, context, params, {.status = 200, .notice = notice}, query);
}

http::Task<std::variant<HostedPost, http::Response>> accept_form_post(ApiContext& context,
                                                                      const http::Request& request,
                                                                      FormPage page) {
  auto post = read_hosted_post(request, context);
  if (!post.csrf_ok) {
    co_return page(request, context, post.params, {.status = 403, .error = kCsrfFailed}, post.form);
  }
  if (auto refused = co_await refusal_of(context, post.params)) co_return std::move(*refused);
  co_return post;
}

http::Response hosted_page(const http::Request& request, const ApiContext& context, int status,
                           std::string_view title, const PageBody& body) {
  const auto token = csrf_token(request, context.csrf_key);
  auto response = html_page(status, title, body(token.form_token));
  set_csrf_cookie(response, token, context.settings.secure_cookies());
  return response;
}

void set_session_cookie(http::Response& response, const ApiContext& context,
                        std::string_view token) {
  response.headers.add("Set-Cookie", cookie_header(kSessionCookie, token,
                                                   {.max_age = context.settings.sessions.lifetime,
                                                    .secure = context.settings.secure_cookies(),
                                                    .same_site = "Lax"}));
}

namespace {

std::string sentence(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') text.front() -= 'a' - 'A';
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

std::string_view field_label(std::string_view field) {
  if (field == "email") return "E-mail address";
  if (field == "given_name") return "Given name";
  if (field == "family_name") return "Family name";
  if (field == "password") return "Password";
  if (field == "phone_number") return "Phone number";
  if (field == "address") return "Address";
  return field;
}

}  // namespace

std::string pool_error_text(const application::UserPoolError& error) {
  using Kind = application::UserPoolError::Kind;
  switch (error.kind) {
    case Kind::kInvalidField:
      return sentence(std::string(field_label(error.field)) + " " + error.message);
    case Kind::kEmailTaken:
      return "An account with this e-mail address already exists. Sign in, or reset the "
             "password if you forgot it.";
    default:
      return sentence(error.message);
  }
}

std::string password_hint(const domain::PasswordPolicy& policy) {
  std::string hint = "At least " + std::to_string(policy.min_length) + " characters";
  std::vector<std::string> classes;
  if (policy.require_upper) classes.emplace_back("an upper-case letter");
  if (policy.require_lower) classes.emplace_back("a lower-case letter");
  if (policy.require_digit) classes.emplace_back("a digit");
  if (policy.require_symbol) classes.emplace_back("a symbol");
  for (std::size_t i = 0; i < classes.size(); ++i) {
    hint += i == 0 ? " with " : (i + 1 == classes.size() ? " and " : ", ");
    hint += classes[i];
  }
  return hint + ".";
}

std::string duration_text(std::chrono::seconds duration) {
  const auto seconds = duration.count();
  if (seconds < 60) return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
  const auto minutes = (seconds + 59) / 60;
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

std::string notice_text(std::string_view notice) {
  if (notice == "confirmed") return "Your e-mail address is confirmed. Please sign in.";
  if (notice == "reset") return "Your password was changed. Please sign in with the new one.";
  if (notice == "signed_out") return "You are signed out.";
  if (notice == "code_sent") return "We sent a code to your e-mail address.";
  if (notice == "confirm_first") {
    return "Please confirm your e-mail address first: we sent you a new code.";
  }
  if (notice == "reset_sent") {
    return "If an account uses this e-mail address, we sent it a code to reset the password.";
  }
  return {};
}

}  // namespace hotel::identity::api
