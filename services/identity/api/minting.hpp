// Minting the tokens of a grant: claims (application/token_claims) signed by the TokenSigner.
// Blocking (RSA signing, possibly a key ring reload): call inside runtime.call.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "services/identity/api/api_context.hpp"

namespace hotel::identity::api {

struct UserTokens {
  std::string access_token;
  std::string id_token;  // only when the scope includes openid
  std::string scope;
};

UserTokens mint_user_tokens(ApiContext& context, const domain::User& user,
                            std::string_view client_id, std::string_view scope,
                            std::string_view nonce, domain::TimePoint auth_time);
std::string mint_service_token(ApiContext& context, std::string_view client_id,
                               std::string_view scope);

// The token endpoint's answer: access_token, id_token (when there is one), refresh_token (when
// given), token_type, expires_in (the access token's) and scope.
boost::json::object token_response_body(ApiContext& context, const UserTokens& tokens,
                                        const std::optional<std::string>& refresh_token);

bool has_scope(std::string_view scope, std::string_view wanted);

}  // namespace hotel::identity::api
