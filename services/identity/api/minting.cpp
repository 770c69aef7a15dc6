#include "services/identity/api/minting.hpp"

#include "services/identity/application/token_claims.hpp"
#include "services/identity/domain/words.hpp"

namespace hotel::identity::api {

bool has_scope(std::string_view scope, std::string_view wanted) {
  for (const auto& word : domain::split_words(scope)) {
    if (word == wanted) return true;
  }
  return false;
}

UserTokens mint_user_tokens(ApiContext& context, const domain::User& user,
                            std::string_view client_id, std::string_view scope,
                            std::string_view nonce, domain::TimePoint auth_time) {
  const auto now = application::now_ms(context.clock);
  const std::string_view issuer = context.settings.issuer;
  UserTokens tokens;
  tokens.scope = std::string(scope);
  tokens.access_token = context.signer.sign(application::access_token_claims(
      {issuer, now, context.settings.access_token_lifetime}, user, client_id, scope, auth_time));
  if (has_scope(scope, "openid")) {
    tokens.id_token = context.signer.sign(application::id_token_claims(
        {issuer, now, context.settings.id_token_lifetime}, user, client_id, nonce, auth_time));
  }
  return tokens;
}

std::string mint_service_token(ApiContext& context, std::string_view client_id,
                               std::string_view scope) {
  const auto now = application::now_ms(context.clock);
  return context.signer.sign(application::service_token_claims(
      {context.settings.issuer, now, context.settings.access_token_lifetime}, client_id, scope));
}

boost::json::object token_response_body(ApiContext& context, const UserTokens& tokens,
                                        const std::optional<std::string>& refresh_token) {
  boost::json::object body;
  body["access_token"] = tokens.access_token;
  if (!tokens.id_token.empty()) body["id_token"] = tokens.id_token;
  if (refresh_token) body["refresh_token"] = *refresh_token;
  body["token_type"] = "Bearer";
  body["expires_in"] = context.settings.access_token_lifetime.count();
  if (!tokens.scope.empty()) body["scope"] = tokens.scope;
  return body;
}

}  // namespace hotel::identity::api
