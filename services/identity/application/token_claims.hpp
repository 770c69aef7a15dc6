// The claims of the tokens the identity service issues, with Cognito's names:
//   ID token      sub, aud, iss, token_use "id", auth_time, iat, exp, jti, email, email_verified,
//                 given_name, family_name, [address {formatted}], [phone_number],
//                 cognito:username, [cognito:groups], [nonce]
//   access token  sub, client_id, iss, token_use "access", scope, auth_time, iat, exp, jti,
//                 username, [cognito:groups]
//   service token (client credentials) sub = client_id, client_id, iss, token_use "access",
//                 scope, auth_time, iat, exp, jti (no username: that makes it a service token)
// cognito:groups is an array, left out when the user has no group (as Cognito does). The
// username is the e-mail address, the user pool's username.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "services/identity/domain/user.hpp"

namespace hotel::identity::application {

struct TokenContext {
  std::string_view issuer;
  domain::TimePoint now;
  std::chrono::seconds lifetime;
};

boost::json::object id_token_claims(const TokenContext& context, const domain::User& user,
                                    std::string_view client_id, std::string_view nonce,
                                    domain::TimePoint auth_time);
boost::json::object access_token_claims(const TokenContext& context, const domain::User& user,
                                        std::string_view client_id, std::string_view scope,
                                        domain::TimePoint auth_time);
boost::json::object service_token_claims(const TokenContext& context, std::string_view client_id,
                                         std::string_view scope);

// The /oauth2/userInfo answer for an access token's scopes: sub and username always; email and
// email_verified with "email"; given_name, family_name and address with "profile"; phone_number
// with "phone". Empty attributes are left out.
boost::json::object user_info(const domain::User& user, const std::vector<std::string>& scopes);

// Seconds since the epoch, as JWT NumericDate claims carry time.
std::int64_t epoch_seconds(domain::TimePoint time);

}  // namespace hotel::identity::application
