// Administration of the user pool, for the Admin group only:
//   GET    /v1/users?limit=&after=&group=        a page of users in e-mail order
//   POST   /v1/users                             {email, password, given_name, family_name,
//                                                 group?, confirmed? (default true)} -> 201
//   GET    /v1/users/{sub}
//   POST   /v1/users/{sub}/disable | /enable     disabling revokes the user's refresh tokens
//   PUT    /v1/users/{sub}/groups/{group}        add to Admin or HotelManager
//   DELETE /v1/users/{sub}/groups/{group}        remove
// Group changes reach a user's tokens when they are next issued (refresh or sign-in).
#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/identity/api/routes.hpp"
#include "services/identity/api/user_json.hpp"

namespace hotel::identity::api {
namespace {

http::RoutePolicy admin_only() { return {.access = http::Access::groups_any({"Admin"})}; }

domain::Group group_named(std::string_view name, std::string_view field) {
  const auto group = domain::parse_group(name);
  if (!group) throw http::BadRequest(std::string(field), "must be Admin or HotelManager");
  return *group;
}

http::Task<http::Response> list_users(ApiContext& context, http::Request& request) {
  storage::UserQuery query;
  query.limit = static_cast<std::size_t>(http::query_int(request, "limit", 50, 1, 500));
  query.after = request.query_param("after").value_or("");
  if (const auto group = request.query_param("group")) query.group = group_named(*group, "group");
  const auto page = co_await context.runtime.call([&] { return context.pool.list_users(query); });
  boost::json::array users;
  for (const auto& user : page.users) users.emplace_back(user_json(user));
  co_return http::json_response(200,
                                {{"users", std::move(users)}, {"next_cursor", page.next_cursor}});
}

http::Task<http::Response> create_user(ApiContext& context, http::Request& request) {
  const auto body = http::parse_json_object(request);
  application::AdminCreateUser create{
      .email = http::require_string(body, "email"),
      .password = http::require_string(body, "password"),
      .attributes = {http::require_string(body, "given_name"),
                     http::require_string(body, "family_name"),
                     http::optional_string(body, "address").value_or(""),
                     http::optional_string(body, "phone_number").value_or("")},
      .group = std::nullopt,
      .confirmed = true,
      .traceparent = request.context.traceparent()};
  if (const auto group = http::optional_string(body, "group")) {
    create.group = group_named(*group, "group");
  }
  if (const auto* confirmed = body.if_contains("confirmed")) {
    if (!confirmed->is_bool()) throw http::BadRequest("confirmed", "must be true or false");
    create.confirmed = confirmed->as_bool();
  }
  const auto user = value_or_throw(
      co_await context.runtime.call([&] { return context.pool.admin_create_user(create); }));
  co_return http::json_response(201, user_json(user));
}

http::Task<http::Response> get_user(ApiContext& context, http::Request& request) {
  const auto user =
      co_await context.runtime.call([&] { return context.pool.get_user(request.param("sub")); });
  if (!user) throw http::NotFound("no such user");
  co_return http::json_response(200, user_json(*user));
}

http::Task<http::Response> set_enabled(ApiContext& context, http::Request& request, bool enabled) {
  const auto user = value_or_throw(co_await context.runtime.call([&] {
    auto changed = context.pool.set_enabled(request.param("sub"), enabled);
    if (changed && !enabled) context.sessions.end_all(changed->id);
    return changed;
  }));
  co_return http::json_response(200, user_json(user));
}

http::Task<http::Response> change_group(ApiContext& context, http::Request& request, bool add) {
  const auto group = group_named(request.param("group"), "group");
  const auto user = value_or_throw(co_await context.runtime.call([&] {
    return add ? context.pool.add_to_group(request.param("sub"), group)
               : context.pool.remove_from_group(request.param("sub"), group);
  }));
  co_return http::json_response(200, user_json(user));
}

}  // namespace

void add_users_admin_routes(http::Router& router, ApiContext& context) {
  auto& c = context;
  router.get(
      "/v1/users", [&c](http::Request& r) { return list_users(c, r); }, admin_only());
  router.post(
      "/v1/users", [&c](http::Request& r) { return create_user(c, r); }, admin_only());
  router.get(
      "/v1/users/{sub}", [&c](http::Request& r) { return get_user(c, r); }, admin_only());
  router.post(
      "/v1/users/{sub}/disable", [&c](http::Request& r) { return set_enabled(c, r, false); },
      admin_only());
  router.post(
      "/v1/users/{sub}/enable", [&c](http::Request& r) { return set_enabled(c, r, true); },
      admin_only());
  router.put(
      "/v1/users/{sub}/groups/{group}", [&c](http::Request& r) { return change_group(c, r, true); },
      admin_only());
  router.del(
      "/v1/users/{sub}/groups/{group}",
      [&c](http::Request& r) { return change_group(c, r, false); }, admin_only());
}

}  // namespace hotel::identity::api
