// Signing key administration, for the Admin group (direct to the identity service; the gateway
// does not route /v1/admin):
//   GET  /v1/admin/keys          the published keys and which one signs
//   POST /v1/admin/keys/rotate   a new key: published at once, signing after the activation delay
#include "chassis/core/runtime.hpp"
#include "chassis/events/envelope.hpp"
#include "chassis/http/json.hpp"
#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {
namespace {

http::RoutePolicy admin_only() { return {.access = http::Access::groups_any({"Admin"})}; }

boost::json::object key_json(const domain::SigningKey& key, const ApiContext& context) {
  boost::json::object json{
      {"kid", key.kid},
      {"created_at", events::format_rfc3339(key.created_at)},
      {"signs_from",
       events::format_rfc3339(key.created_at + context.settings.signing.activation_delay)}};
  if (key.retired_at) json["retired_at"] = events::format_rfc3339(*key.retired_at);
  return json;
}

http::Task<http::Response> list_keys(ApiContext& context, http::Request&) {
  const auto [keys, signing] = co_await context.runtime.call([&] {
    std::vector<domain::SigningKey> published;
    for (auto& material : context.keys.published()) published.push_back(std::move(material.key));
    return std::make_pair(std::move(published), context.signer.signing_kid());
  });
  boost::json::array list;
  for (const auto& key : keys) list.emplace_back(key_json(key, context));
  co_return http::json_response(200, {{"keys", std::move(list)}, {"signing_kid", signing}});
}

http::Task<http::Response> rotate(ApiContext& context, http::Request&) {
  const auto key = co_await context.runtime.call([&] {
    auto added = context.keys.rotate();
    context.signer.reload();
    return added;
  });
  co_return http::json_response(201, key_json(key, context));
}

}  // namespace

void add_keys_admin_routes(http::Router& router, ApiContext& context) {
  auto& c = context;
  router.get(
      "/v1/admin/keys", [&c](http::Request& r) { return list_keys(c, r); }, admin_only());
  router.post(
      "/v1/admin/keys/rotate", [&c](http::Request& r) { return rotate(c, r); }, admin_only());
}

}  // namespace hotel::identity::api
