// GET /v1/hotels?all=&limit=&after=   admins: the hotels they created (all=true: every hotel);
//                                     managers: the hotels assigned to them
//                                     -> {"hotels":[...],"next_cursor":"..."|null}
// GET /v1/hotels/{id}                 admins: any hotel; managers: their own (else 403) -> ETag
#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/hotels/api/responses.hpp"
#include "services/hotels/api/routes.hpp"
#include "services/hotels/domain/hotel_json.hpp"

namespace hotel::hotels::api {
namespace {

bool query_flag(const http::Request& request, std::string_view name) {
  const auto value = request.query_param(name);
  if (!value || *value == "false") return false;
  if (*value == "true") return true;
  throw http::BadRequest(std::string(name), "must be true or false", "invalid_parameter");
}

// Assignments by e-mail (demo data) become the caller's before a manager's read.
http::Task<void> bind_pending(ApiContext& context, const application::Actor& actor) {
  if (!actor.manager) co_return;
  co_await context.runtime.call([&] { return context.commands.bind_pending_managers(actor); });
}

http::Task<http::Response> list_hotels(ApiContext& context, http::Request& request) {
  const auto actor = actor_of(request);
  application::HotelListRequest list;
  list.all = query_flag(request, "all");
  list.limit = static_cast<std::size_t>(http::query_int(request, "limit", 50, 1, 200));
  list.after = http::query_int(request, "after", 0, 0, INT64_MAX);
  co_await bind_pending(context, actor);
  const auto page = value_or_throw(
      co_await context.runtime.call([&] { return context.queries.list(actor, list); }));
  boost::json::array hotels;
  for (const auto& hotel : page.hotels) hotels.emplace_back(domain::hotel_snapshot(hotel));
  boost::json::value next = nullptr;
  if (page.next) next = std::to_string(*page.next);
  co_return http::json_response(200, {{"hotels", std::move(hotels)}, {"next_cursor", next}});
}

http::Task<http::Response> get_hotel(ApiContext& context, http::Request& request) {
  const auto actor = actor_of(request);
  co_await bind_pending(context, actor);
  const auto hotel = value_or_throw(co_await context.runtime.call(
      [&] { return context.queries.get(actor, request.param("id")); }));
  co_return hotel_response(200, hotel);
}

}  // namespace

void add_hotel_read_routes(http::Router& router, ApiContext& context) {
  router.get(
      "/v1/hotels", [&context](http::Request& r) { return list_hotels(context, r); },
      admins_and_managers());
  router.get(
      "/v1/hotels/{id}", [&context](http::Request& r) { return get_hotel(context, r); },
      admins_and_managers());
}

}  // namespace hotel::hotels::api
