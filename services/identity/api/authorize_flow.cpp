#include "services/identity/api/authorize_flow.hpp"

#include "chassis/core/runtime.hpp"
#include "services/identity/api/html.hpp"
#include "services/identity/api/minting.hpp"
#include "services/identity/domain/words.hpp"

namespace hotel::identity::api {
namespace {

using application::AuthorizeError;

std::string_view authorize_error_code(AuthorizeError error) {
  switch (error) {
    case AuthorizeError::kGrantNotAllowed:
      return "unauthorized_client";
    case AuthorizeError::kScopeNotAllowed:
      return "invalid_scope";
    case AuthorizeError::kUserUnavailable:
      return "access_denied";
    default:
      return "invalid_request";
  }
}

std::string_view authorize_error_text(AuthorizeError error) {
  switch (error) {
    case AuthorizeError::kUnknownClient:
      return "unknown client";
    case AuthorizeError::kRedirectNotRegistered:
      return "redirect_uri is not registered for this client";
    case AuthorizeError::kGrantNotAllowed:
      return "this client may not use this response_type";
    case AuthorizeError::kScopeNotAllowed:
      return "a requested scope is not allowed for this client";
    case AuthorizeError::kChallengeRequired:
      return "code_challenge is required (PKCE with S256)";
    case AuthorizeError::kChallengeMethodNotSupported:
      return "code_challenge_method must be S256";
    case AuthorizeError::kChallengeMalformed:
      return "code_challenge is malformed";
    case AuthorizeError::kUserUnavailable:
      return "the user cannot sign in";
  }
  return "invalid request";
}

AuthorizeError challenge_error(domain::ChallengeProblem problem) {
  switch (problem) {
    case domain::ChallengeProblem::kRequired:
      return AuthorizeError::kChallengeRequired;
    case domain::ChallengeProblem::kMalformed:
      return AuthorizeError::kChallengeMalformed;
    default:
      return AuthorizeError::kChallengeMethodNotSupported;
  }
}

http::Response refuse(const CheckedAuthorization& checked, AuthorizeError error) {
  return error_redirect(checked, authorize_error_code(error), authorize_error_text(error));
}

}  // namespace

http::Response redirect_to(std::string location, int status) {
  auto response = http::Response::empty(status);
  response.headers.set("Location", std::move(location));
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}

http::Response error_page(int status, std::string_view title, std::string_view text) {
  return html_page(status, title, message("error", text));
}

http::Response error_redirect(const CheckedAuthorization& checked, std::string_view error,
                              std::string_view description) {
  return redirect_to(redirect_uri_with(checked.redirect_uri,
                                       {{"error", std::string(error)},
                                        {"error_description", std::string(description)},
                                        {"state", checked.params.state}},
                                       checked.grant == domain::GrantType::kImplicit));
}

// GCC 12 at -O2 reports a false -Wmismatched-new-delete on some Asio awaitable frames (the
// frame's sized operator delete after inlining its operator new; GCC PR 109224). Silenced for
// this function only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
http::Task<AuthorizationCheck> check_authorization_request(ApiContext& context,
                                                           const AuthorizeParams& params) {
  constexpr std::string_view kTitle = "This sign-in link is not valid";
  if (params.client_id.empty()) {
    co_return error_page(400, kTitle, "The link does not name an application (client_id).");
  }
  const auto client =
      co_await context.runtime.call([&] { return context.clients.find(params.client_id); });
  if (!client) co_return error_page(400, kTitle, "The application (client_id) is not known.");
  auto redirect = domain::resolve_redirect(*client, params.redirect_uri);
  if (!redirect) {
    co_return error_page(400, kTitle,
                         "The return address (redirect_uri) is not registered for this "
                         "application, so you are not being sent there.");
  }
  CheckedAuthorization checked{params, domain::GrantType::kAuthorizationCode,
                               std::move(redirect.value())};
  if (params.response_type == "token") {
    checked.grant = domain::GrantType::kImplicit;
  } else if (params.response_type != "code") {
    co_return error_redirect(checked, "unsupported_response_type",
                             "response_type must be code or token");
  }
  if (!client->allows(checked.grant)) co_return refuse(checked, AuthorizeError::kGrantNotAllowed);
  const auto scopes = domain::grant_scopes(*client, params.scope);
  if (!scopes) co_return refuse(checked, AuthorizeError::kScopeNotAllowed);
  checked.scope = domain::join_words(scopes.value());
  if (checked.grant == domain::GrantType::kAuthorizationCode) {
    const auto method = domain::check_challenge(context.settings.options.authorization_codes,
                                                params.code_challenge_method, params.code_challenge,
                                                client->is_public());
    if (!method) co_return refuse(checked, challenge_error(method.error()));
  }
  co_return checked;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

http::Task<std::optional<http::Response>> refusal_of(ApiContext& context,
                                                     const AuthorizeParams& params) {
  if (params.empty()) co_return std::nullopt;
  auto check = co_await check_authorization_request(context, params);
  if (auto* refused = std::get_if<http::Response>(&check)) co_return std::move(*refused);
  co_return std::nullopt;
}

http::Task<http::Response> complete_authorization(ApiContext& context,
                                                  const CheckedAuthorization& checked,
                                                  const domain::User& user,
                                                  domain::TimePoint auth_time,
                                                  std::string_view session_token) {
  const AuthorizeParams& params = checked.params;
  if (checked.grant == domain::GrantType::kImplicit) {
    const auto tokens = co_await context.runtime.call([&] {
      return mint_user_tokens(context, user, params.client_id, checked.scope, params.nonce,
                              auth_time);
    });
    co_return redirect_to(redirect_uri_with(
        checked.redirect_uri,
        {{"access_token", tokens.access_token},
         {"id_token", tokens.id_token},
         {"token_type", "Bearer"},
         {"expires_in", std::to_string(context.settings.access_token_lifetime.count())},
         {"scope", tokens.scope},
         {"state", params.state}},
        true));
  }
  const auto issued = co_await context.runtime.call([&] {
    auto result = context.tokens.create_authorization_code(
        {.client_id = params.client_id,
         .redirect_uri = params.redirect_uri,
         .scope = params.scope,
         .code_challenge = params.code_challenge,
         .code_challenge_method = params.code_challenge_method,
         .nonce = params.nonce,
         .user_id = user.id,
         .auth_time = auth_time});
    if (result && !session_token.empty()) context.sessions.link_code(session_token, result->code);
    return result;
  });
  if (!issued) co_return refuse(checked, issued.error());
  co_return redirect_to(
      redirect_uri_with(issued->redirect_uri, {{"code", issued->code}, {"state", params.state}}));
}

}  // namespace hotel::identity::api
