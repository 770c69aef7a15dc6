#include "chassis/auth/jwks.hpp"

#include <stdexcept>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace hotel::auth {

namespace {

bool is_string(const boost::json::object& jwk, std::string_view name, std::string_view expected) {
  const auto* value = jwk.if_contains(name);
  return value != nullptr && value->is_string() && value->get_string() == expected;
}

// An RS256 signing key with a kid: what a verifier can use.
bool is_rs256_signing_key(const boost::json::object& jwk) {
  if (!is_string(jwk, "kty", "RSA")) return false;
  if (jwk.contains("use") && !is_string(jwk, "use", "sig")) return false;
  if (jwk.contains("alg") && !is_string(jwk, "alg", "RS256")) return false;
  const auto* kid = jwk.if_contains("kid");
  return kid != nullptr && kid->is_string() && !kid->get_string().empty();
}

}  // namespace

Jwks Jwks::parse(std::string_view json) {
  boost::system::error_code error;
  const boost::json::value document = boost::json::parse(json, error);
  if (error) throw std::invalid_argument("JWKS is not JSON: " + error.message());
  return from_json(document);
}

Jwks Jwks::from_json(const boost::json::value& document) {
  const auto* object = document.if_object();
  const auto* keys = object == nullptr ? nullptr : object->if_contains("keys");
  if (keys == nullptr || !keys->is_array()) {
    throw std::invalid_argument("JWKS must be an object with a \"keys\" array");
  }
  Jwks jwks;
  for (const auto& entry : keys->get_array()) {
    const auto* jwk = entry.if_object();
    if (jwk == nullptr || !is_rs256_signing_key(*jwk)) continue;
    try {
      jwks.add(std::string(jwk->at("kid").get_string()), RsaPublicKey::from_jwk(*jwk));
    } catch (const std::invalid_argument&) {
      // Not a usable key: skipped like any other key this verifier cannot use.
    }
  }
  return jwks;
}

void Jwks::add(std::string kid, RsaPublicKey key) { keys_.emplace(std::move(kid), std::move(key)); }

const RsaPublicKey* Jwks::find(std::string_view kid) const {
  const auto found = keys_.find(kid);
  return found == keys_.end() ? nullptr : &found->second;
}

boost::json::object jwks_document(const std::vector<boost::json::object>& public_jwks) {
  boost::json::array keys;
  for (const auto& jwk : public_jwks) keys.push_back(jwk);
  return {{"keys", std::move(keys)}};
}

void StaticJwksSource::set(Jwks jwks) {
  std::lock_guard lock(mutex_);
  jwks_ = std::move(jwks);
}

http::Task<Jwks> StaticJwksSource::fetch() {
  Jwks copy;
  {
    std::lock_guard lock(mutex_);
    copy = jwks_;
  }
  co_return copy;
}

}  // namespace hotel::auth
