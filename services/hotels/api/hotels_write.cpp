// POST /v1/hotels                 a whole hotel document -> 201, Location, ETag
// PUT /v1/hotels/{id}             a whole document, If-Match required -> 200, ETag
// PATCH /v1/hotels/{id}           some fields, If-Match required -> 200, ETag
// DELETE /v1/hotels/{id}          soft deletion, If-Match required -> 204
// Admin only. A stale If-Match is 412, a missing one 428.
#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/hotels/api/managers_check.hpp"
#include "services/hotels/api/preconditions.hpp"
#include "services/hotels/api/responses.hpp"
#include "services/hotels/api/routes.hpp"

namespace hotel::hotels::api {
namespace {

// GCC 12 at -O2 reports a false -Wmismatched-new-delete on some Asio awaitable frames (the
// frame's sized operator delete after inlining its operator new; GCC PR 109224), as in
// identity's login.cpp. Silenced for the functions between push and pop only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
http::Task<http::Response> create_hotel(ApiContext& context, http::Request& request) {
  const auto actor = actor_of(request);
  if (!actor.admin) throw http::Forbidden("only admins create hotels");
  const auto body = http::parse_json_object(request);
  auto input = value_or_throw(domain::read_hotel_document(body, context.input_limits));
  co_await check_new_managers(context.users, request, input.managers, {});
  const auto hotel = value_or_throw(co_await context.runtime.call(
      [&] { return context.commands.create(actor, std::move(input)); }));
  auto response = hotel_response(201, hotel);
  response.headers.set("Location", "/v1/hotels/" + hotel.id);
  co_return response;
}

http::Task<http::Response> edit_hotel(ApiContext& context, http::Request& request, bool patch) {
  const auto actor = actor_of(request);
  if (!actor.admin) throw http::Forbidden("only admins edit hotels");
  const auto version = required_version(request);
  const auto body = http::parse_json_object(request);
  const auto& id = request.param("id");
  const auto current =
      value_or_throw(co_await context.runtime.call([&] { return context.queries.get(actor, id); }));
  if (current.version != version) {
    throw http::PreconditionFailed("the hotel is at version " + std::to_string(current.version) +
                                   "; read it again");
  }
  auto next = value_or_throw(
      patch ? domain::read_hotel_patch(body, domain::input_of(current), context.input_limits)
            : domain::read_hotel_document(body, context.input_limits));
  co_await check_new_managers(context.users, request, next.managers, current.managers);
  const auto hotel = value_or_throw(co_await context.runtime.call(
      [&] { return context.commands.edit(actor, id, version, std::move(next)); }));
  co_return hotel_response(200, hotel);
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

http::Task<http::Response> delete_hotel(ApiContext& context, http::Request& request) {
  const auto actor = actor_of(request);
  const auto version = required_version(request);
  const auto hotel = value_or_throw(co_await context.runtime.call(
      [&] { return context.commands.remove(actor, request.param("id"), version); }));
  auto response = http::Response::empty(204);
  response.headers.set("ETag", etag_of_version(hotel.version));
  co_return response;
}

}  // namespace

void add_hotel_write_routes(http::Router& router, ApiContext& context) {
  router.post(
      "/v1/hotels", [&context](http::Request& r) { return create_hotel(context, r); },
      admin_only());
  router.put(
      "/v1/hotels/{id}", [&context](http::Request& r) { return edit_hotel(context, r, false); },
      admin_only());
  router.add(
      http::Method::kPatch, "/v1/hotels/{id}",
      [&context](http::Request& r) { return edit_hotel(context, r, true); }, admin_only());
  router.del(
      "/v1/hotels/{id}", [&context](http::Request& r) { return delete_hotel(context, r); },
      admin_only());
}

}  // namespace hotel::hotels::api
