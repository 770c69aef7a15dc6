// GET /.well-known/openid-configuration: the discovery document, with Cognito's endpoint paths
// under the issuer. GET /.well-known/jwks.json: the published signing keys, cacheable for less
// than the key activation delay (see IdentitySettings::jwks_max_age).
#include <boost/json/serialize.hpp>

#include "chassis/core/runtime.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

boost::json::array strings(std::initializer_list<std::string_view> items) {
  boost::json::array array;
  for (const auto item : items) array.emplace_back(item);
  return array;
}

std::string discovery_document(const IdentitySettings& settings) {
  const std::string& issuer = settings.issuer;
  boost::json::object document;
  document["issuer"] = issuer;
  document["authorization_endpoint"] = issuer + "/oauth2/authorize";
  document["token_endpoint"] = issuer + "/oauth2/token";
  document["userinfo_endpoint"] = issuer + "/oauth2/userInfo";
  document["revocation_endpoint"] = issuer + "/oauth2/revoke";
  document["end_session_endpoint"] = issuer + "/logout";
  document["jwks_uri"] = issuer + "/.well-known/jwks.json";
  document["response_types_supported"] = strings({"code", "token"});
  document["response_modes_supported"] = strings({"query", "fragment"});
  document["grant_types_supported"] =
      strings({"authorization_code", "implicit", "refresh_token", "client_credentials"});
  document["subject_types_supported"] = strings({"public"});
  document["id_token_signing_alg_values_supported"] = strings({"RS256"});
  document["scopes_supported"] = strings({"openid", "email", "profile", "phone"});
  document["token_endpoint_auth_methods_supported"] =
      strings({"client_secret_basic", "client_secret_post", "none"});
  document["code_challenge_methods_supported"] = strings({"S256"});
  document["claims_supported"] =
      strings({"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "email", "email_verified",
               "given_name", "family_name", "address", "phone_number", "cognito:username",
               "cognito:groups"});
  return boost::json::serialize(document);
}

}  // namespace

void add_well_known_routes(http::Router& router, ApiContext& context) {
  router.get("/.well-known/openid-configuration",
             [document = discovery_document(context.settings)](
                 http::Request&) -> http::Task<http::Response> {
               auto response = http::Response::json(200, document);
               response.headers.set("Cache-Control", "public, max-age=3600");
               co_return response;
             });
  router.get("/.well-known/jwks.json", [&context](http::Request&) -> http::Task<http::Response> {
    auto response = http::Response::json(
        200, co_await context.runtime.call([&] { return context.signer.jwks(); }));
    response.headers.set(
        "Cache-Control",
        "public, max-age=" + std::to_string(context.settings.jwks_max_age().count()));
    co_return response;
  });
}

}  // namespace hotel::identity::api
