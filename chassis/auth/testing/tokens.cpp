#include "chassis/auth/testing/tokens.hpp"

#include <boost/json/serialize.hpp>

#include "chassis/auth/base64url.hpp"
#include "chassis/auth/jwt.hpp"
#include "chassis/core/ids.hpp"

namespace hotel::auth::testing {

const RsaPrivateKey& issuer_key() {
  static const RsaPrivateKey key = RsaPrivateKey::generate();
  return key;
}

const RsaPrivateKey& rotated_key() {
  static const RsaPrivateKey key = RsaPrivateKey::generate();
  return key;
}

const RsaPrivateKey& attacker_key() {
  static const RsaPrivateKey key = RsaPrivateKey::generate();
  return key;
}

Jwks jwks_of(const std::vector<std::pair<std::string_view, const RsaPrivateKey*>>& keys) {
  Jwks jwks;
  for (const auto& [kid, key] : keys) jwks.add(std::string(kid), key->public_key());
  return jwks;
}

TokenFactory::TokenFactory(const core::Clock& clock, std::string issuer, std::string client_id)
    : clock_(clock), issuer_(std::move(issuer)), client_id_(std::move(client_id)) {}

std::int64_t TokenFactory::now() const {
  return std::chrono::floor<std::chrono::seconds>(clock_.system_now().time_since_epoch()).count();
}

boost::json::object TokenFactory::base_claims(std::string_view sub,
                                              std::string_view token_use) const {
  return {{"sub", sub},
          {"iss", issuer_},
          {"token_use", token_use},
          {"iat", now()},
          {"auth_time", now()},
          {"exp", now() + lifetime.count()},
          {"jti", core::uuid_v4()}};
}

boost::json::object TokenFactory::access_claims(std::string_view username,
                                                const std::vector<std::string>& groups) const {
  boost::json::object claims = base_claims("sub-" + std::string(username), "access");
  claims["client_id"] = client_id_;
  claims["username"] = username;
  claims["scope"] = "openid email profile";
  if (!groups.empty()) claims["cognito:groups"] = boost::json::array(groups.begin(), groups.end());
  return claims;
}

boost::json::object TokenFactory::id_claims(std::string_view username,
                                            const std::vector<std::string>& groups) const {
  boost::json::object claims = base_claims("sub-" + std::string(username), "id");
  claims["aud"] = client_id_;
  claims["cognito:username"] = username;
  claims["email"] = std::string(username) + "@example.com";
  claims["given_name"] = "Given";
  claims["family_name"] = "Family";
  if (!groups.empty()) claims["cognito:groups"] = boost::json::array(groups.begin(), groups.end());
  return claims;
}

boost::json::object TokenFactory::service_claims(std::string_view scope) const {
  boost::json::object claims = base_claims(client_id_, "access");
  claims["client_id"] = client_id_;
  claims["scope"] = scope;
  return claims;
}

std::string TokenFactory::sign(const boost::json::object& claims) const {
  return sign(claims, issuer_key(), kKid);
}

std::string TokenFactory::sign(const boost::json::object& claims, const RsaPrivateKey& key,
                               std::string_view kid) const {
  return sign_jwt(claims, key, kid);
}

std::string assemble_token(const boost::json::object& header, const boost::json::object& payload,
                           std::string_view signature) {
  return base64url_encode(boost::json::serialize(header)) + "." +
         base64url_encode(boost::json::serialize(payload)) + "." + base64url_encode(signature);
}

}  // namespace hotel::auth::testing
