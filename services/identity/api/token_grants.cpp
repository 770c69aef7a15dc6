#include "services/identity/api/token_grants.hpp"

#include "chassis/core/runtime.hpp"
#include "services/identity/api/client_address.hpp"
#include "services/identity/api/hosted_ui.hpp"
#include "services/identity/api/minting.hpp"
#include "services/identity/api/oauth_response.hpp"
#include "services/identity/domain/words.hpp"

namespace hotel::identity::api {
namespace {

using domain::CodeRejection;
using domain::RefreshRejection;

std::string_view code_rejection_text(CodeRejection rejection) {
  switch (rejection) {
    case CodeRejection::kUnknown:
      return "the authorization code is not valid";
    case CodeRejection::kReplayed:
      return "the authorization code was already used; the tokens issued for it are revoked";
    case CodeRejection::kWrongClient:
      return "the authorization code was issued to another client";
    case CodeRejection::kExpired:
      return "the authorization code has expired";
    case CodeRejection::kWrongRedirect:
      return "redirect_uri does not match the authorization request";
    case CodeRejection::kVerifierMissing:
      return "code_verifier is required";
    case CodeRejection::kVerifierMismatch:
      return "code_verifier does not match the code_challenge";
    case CodeRejection::kUnexpectedVerifier:
      return "code_verifier was sent for a code issued without a code_challenge";
    case CodeRejection::kUserDisabled:
      return "the user is disabled";
  }
  return "the authorization code is not valid";
}

std::string_view refresh_rejection_text(RefreshRejection rejection) {
  switch (rejection) {
    case RefreshRejection::kReused:
      return "the refresh token was already used; its session is revoked";
    case RefreshRejection::kRevoked:
      return "the refresh token is revoked";
    case RefreshRejection::kExpired:
      return "the refresh token has expired";
    case RefreshRejection::kWrongClient:
      return "the refresh token was issued to another client";
    case RefreshRejection::kUserDisabled:
      return "the user is disabled";
    case RefreshRejection::kUnknown:
      break;
  }
  return "the refresh token is not valid";
}

template <class Result>
http::Response answer(const Result& result) {
  if (const auto* error = std::get_if<std::string>(&result)) {
    return oauth_error(400, "invalid_grant", *error);
  }
  return oauth_json(std::get<boost::json::object>(result));
}

using Outcome = std::variant<boost::json::object, std::string>;

}  // namespace

http::Task<http::Response> authorization_code_grant(ApiContext& context, const Form& form,
                                                    const domain::OAuthClient& client) {
  const std::string code = form.value("code");
  if (code.empty()) co_return oauth_error(400, "invalid_request", "code is required");
  const auto outcome = co_await context.runtime.call([&]() -> Outcome {
    auto redeemed = context.tokens.redeem_authorization_code(
        code, {client.client_id, form.value("redirect_uri"), form.value("code_verifier")});
    if (!redeemed) return std::string(code_rejection_text(redeemed.error()));
    const auto& grant = redeemed->grant;
    const auto tokens = mint_user_tokens(context, redeemed->user, client.client_id, grant.scope,
                                         grant.nonce, grant.auth_time);
    std::optional<std::string> refresh;
    if (redeemed->refresh_token) refresh = redeemed->refresh_token->token;
    return token_response_body(context, tokens, refresh);
  });
  co_return answer(outcome);
}

http::Task<http::Response> refresh_token_grant(ApiContext& context, const Form& form,
                                               const domain::OAuthClient& client) {
  const std::string refresh_token = form.value("refresh_token");
  if (refresh_token.empty()) {
    co_return oauth_error(400, "invalid_request", "refresh_token is required");
  }
  const auto outcome = co_await context.runtime.call([&]() -> Outcome {
    auto rotated = context.tokens.rotate_refresh_token(refresh_token, client.client_id);
    if (!rotated) return std::string(refresh_rejection_text(rotated.error()));
    const auto tokens = mint_user_tokens(context, rotated->user, client.client_id, rotated->scope,
                                         {}, rotated->auth_time);
    return token_response_body(context, tokens, rotated->refresh_token.token);
  });
  co_return answer(outcome);
}

http::Task<http::Response> client_credentials_grant(ApiContext& context, const Form& form,
                                                    const domain::OAuthClient& client) {
  const auto scopes = domain::grant_scopes(client, form.value("scope"));
  if (!scopes) {
    co_return oauth_error(400, "invalid_scope", "a requested scope is not allowed for this client");
  }
  const std::string scope = domain::join_words(scopes.value());
  const auto token = co_await context.runtime.call(
      [&] { return mint_service_token(context, client.client_id, scope); });
  co_return oauth_json({{"access_token", token},
                        {"token_type", "Bearer"},
                        {"expires_in", context.settings.access_token_lifetime.count()},
                        {"scope", scope}});
}

http::Task<http::Response> password_grant(ApiContext& context, const Form& form,
                                          const domain::OAuthClient& client,
                                          const http::Request& request) {
  if (client.client_id != application::kBenchClientId || !context.settings.bench_client) {
    co_return oauth_error(400, "unauthorized_client",
                          "the password grant is only for the benchmark client");
  }
  const std::string username = form.value("username");
  const std::string password = form.value("password");
  if (username.empty() || password.empty()) {
    co_return oauth_error(400, "invalid_request", "username and password are required");
  }
  const auto scopes = domain::grant_scopes(client, form.value("scope"));
  if (!scopes) {
    co_return oauth_error(400, "invalid_scope", "a requested scope is not allowed for this client");
  }
  const std::string scope = domain::join_words(scopes.value());
  const std::string address = client_address(request, context.settings.trusted_proxies);
  std::chrono::seconds retry_after{0};
  const auto outcome = co_await context.runtime.call([&]() -> Outcome {
    auto signed_in = context.pool.authenticate(username, password, address);
    if (!signed_in) {
      using Kind = application::AuthFailure::Kind;
      switch (signed_in.error().kind) {
        case Kind::kLocked:
          retry_after = signed_in.error().retry_after;
          return "too many failed sign-in attempts; try again in " + duration_text(retry_after);
        case Kind::kUnconfirmed:
          return std::string("the user is not confirmed");
        case Kind::kDisabled:
          return std::string("the user is disabled");
        case Kind::kInvalidCredentials:
          break;
      }
      return std::string("incorrect username or password");
    }
    const auto& user = signed_in->user;
    const auto refresh =
        context.tokens.issue_refresh_token(user.id, client.client_id, scope, signed_in->auth_time);
    const auto tokens =
        mint_user_tokens(context, user, client.client_id, scope, {}, signed_in->auth_time);
    return token_response_body(context, tokens, refresh.token);
  });
  auto response = answer(outcome);
  if (retry_after.count() > 0) {
    response.headers.set("Retry-After", std::to_string(retry_after.count()));
  }
  co_return response;
}

}  // namespace hotel::identity::api
