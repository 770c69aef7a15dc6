// The signed-in user's own account (any user's access token from this pool):
//   GET   /v1/users/me
//   PATCH /v1/users/me            {given_name?, family_name?, address?, phone_number?}
//   POST  /v1/users/me/password   {current_password, new_password} -> 204
// The e-mail address is the username and cannot change; groups are the admins' to change.
#include "chassis/auth/middleware.hpp"
#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/identity/api/routes.hpp"
#include "services/identity/api/user_json.hpp"

namespace hotel::identity::api {
namespace {

// The user's sub, for a user token of this pool (a service token has no account).
std::string own_sub(const ApiContext& context, const http::Request& request) {
  const auth::Principal& principal = auth::require_principal(request);
  if (principal.is_service() || principal.issuer != context.settings.issuer) {
    throw http::Forbidden("this needs a signed-in user of this user pool");
  }
  return principal.sub;
}

http::Task<http::Response> get_me(ApiContext& context, http::Request& request) {
  const std::string sub = own_sub(context, request);
  const auto user = co_await context.runtime.call([&] { return context.pool.get_user(sub); });
  if (!user) throw http::NotFound("no such user");
  co_return http::json_response(200, user_json(*user));
}

http::Task<http::Response> patch_me(ApiContext& context, http::Request& request) {
  const std::string sub = own_sub(context, request);
  const auto body = http::parse_json_object(request);
  domain::AttributeChanges changes;
  for (const auto& [key, value] : body) {
    if (key == "given_name") {
      changes.given_name = http::require_string(body, key);
    } else if (key == "family_name") {
      changes.family_name = http::require_string(body, key);
    } else if (key == "address") {
      changes.address = http::require_string(body, key);
    } else if (key == "phone_number") {
      changes.phone_number = http::require_string(body, key);
    } else {
      throw http::BadRequest(std::string(key), "cannot be changed here");
    }
  }
  const auto user = value_or_throw(
      co_await context.runtime.call([&] { return context.pool.change_attributes(sub, changes); }));
  co_return http::json_response(200, user_json(user));
}

http::Task<http::Response> change_password(ApiContext& context, http::Request& request) {
  const std::string sub = own_sub(context, request);
  const auto body = http::parse_json_object(request);
  const std::string current = http::require_string(body, "current_password");
  const std::string next = http::require_string(body, "new_password");
  value_or_throw(co_await context.runtime.call(
      [&] { return context.pool.change_password(sub, current, next); }));
  co_return http::Response::empty(204);
}

}  // namespace

void add_users_me_routes(http::Router& router, ApiContext& context) {
  const http::RoutePolicy policy{.access = http::Access::signed_in()};
  auto& c = context;
  router.get(
      "/v1/users/me", [&c](http::Request& r) { return get_me(c, r); }, policy);
  router.add(
      http::Method::kPatch, "/v1/users/me", [&c](http::Request& r) { return patch_me(c, r); },
      policy);
  router.post(
      "/v1/users/me/password", [&c](http::Request& r) { return change_password(c, r); }, policy);
}

}  // namespace hotel::identity::api
