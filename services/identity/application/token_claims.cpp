#include "services/identity/application/token_claims.hpp"

#include <algorithm>

#include <boost/json/array.hpp>

#include "chassis/core/ids.hpp"

namespace hotel::identity::application {
namespace {

void add_times(boost::json::object& claims, const TokenContext& context,
               domain::TimePoint auth_time) {
  claims["iss"] = context.issuer;
  claims["auth_time"] = epoch_seconds(auth_time);
  claims["iat"] = epoch_seconds(context.now);
  claims["exp"] = epoch_seconds(context.now + context.lifetime);
  claims["jti"] = core::uuid_v4();
}

void add_groups(boost::json::object& claims, const domain::User& user) {
  if (user.groups.empty()) return;
  boost::json::array groups;
  for (const auto group : user.groups) groups.emplace_back(domain::to_string(group));
  claims["cognito:groups"] = std::move(groups);
}

void add_profile(boost::json::object& claims, const domain::UserAttributes& attributes) {
  claims["given_name"] = attributes.given_name;
  claims["family_name"] = attributes.family_name;
  if (!attributes.address.empty()) {
    claims["address"] = boost::json::object{{"formatted", attributes.address}};
  }
}

bool has(const std::vector<std::string>& scopes, std::string_view scope) {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

}  // namespace

std::int64_t epoch_seconds(domain::TimePoint time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

boost::json::object id_token_claims(const TokenContext& context, const domain::User& user,
                                    std::string_view client_id, std::string_view nonce,
                                    domain::TimePoint auth_time) {
  boost::json::object claims;
  claims["sub"] = user.id;
  claims["aud"] = client_id;
  claims["token_use"] = "id";
  add_times(claims, context, auth_time);
  claims["email"] = user.email;
  claims["email_verified"] = user.confirmed;
  add_profile(claims, user.attributes);
  if (!user.attributes.phone_number.empty()) {
    claims["phone_number"] = user.attributes.phone_number;
  }
  claims["cognito:username"] = user.email;
  add_groups(claims, user);
  if (!nonce.empty()) claims["nonce"] = nonce;
  return claims;
}

boost::json::object access_token_claims(const TokenContext& context, const domain::User& user,
                                        std::string_view client_id, std::string_view scope,
                                        domain::TimePoint auth_time) {
  boost::json::object claims;
  claims["sub"] = user.id;
  claims["client_id"] = client_id;
  claims["token_use"] = "access";
  claims["scope"] = scope;
  add_times(claims, context, auth_time);
  claims["username"] = user.email;
  add_groups(claims, user);
  return claims;
}

boost::json::object service_token_claims(const TokenContext& context, std::string_view client_id,
                                         std::string_view scope) {
  boost::json::object claims;
  claims["sub"] = client_id;
  claims["client_id"] = client_id;
  claims["token_use"] = "access";
  claims["scope"] = scope;
  add_times(claims, context, context.now);
  return claims;
}

boost::json::object user_info(const domain::User& user, const std::vector<std::string>& scopes) {
  boost::json::object info;
  info["sub"] = user.id;
  info["username"] = user.email;
  if (has(scopes, "email")) {
    info["email"] = user.email;
    info["email_verified"] = user.confirmed;
  }
  if (has(scopes, "profile")) add_profile(info, user.attributes);
  if (has(scopes, "phone") && !user.attributes.phone_number.empty()) {
    info["phone_number"] = user.attributes.phone_number;
  }
  return info;
}

}  // namespace hotel::identity::application
