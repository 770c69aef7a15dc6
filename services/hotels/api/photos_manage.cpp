// DELETE /v1/hotels/{id}/photos/{photo_id}   -> 200 the hotel, ETag
// PUT /v1/hotels/{id}/photo-order            {"photos":[every photo id, in the new order]}
//                                            -> 200 the hotel, ETag
// Admin only; If-Match optional (checked when sent).
#include <boost/json/array.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/hotels/api/preconditions.hpp"
#include "services/hotels/api/responses.hpp"
#include "services/hotels/api/routes.hpp"

namespace hotel::hotels::api {
namespace {

http::Task<http::Response> delete_photo(ApiContext& context, http::Request& request) {
  const auto actor = actor_of(request);
  const auto version = optional_version(request);
  const auto hotel = value_or_throw(co_await context.runtime.call([&] {
    return context.commands.remove_photo(actor, request.param("id"), request.param("photo_id"),
                                         version);
  }));
  co_return hotel_response(200, hotel);
}

std::vector<std::string> photo_order(const boost::json::object& body) {
  for (const auto& member : body) {
    if (member.key() != "photos") {
      throw http::BadRequest(std::string(member.key()), "is not a known field");
    }
  }
  const auto* photos = body.if_contains("photos");
  if (photos == nullptr) throw http::BadRequest("photos", "is required");
  if (!photos->is_array()) throw http::BadRequest("photos", "must be an array of photo ids");
  std::vector<std::string> order;
  for (std::size_t i = 0; i < photos->as_array().size(); ++i) {
    const auto& id = photos->as_array()[i];
    if (!id.is_string()) {
      throw http::BadRequest("photos[" + std::to_string(i) + "]", "must be a string");
    }
    order.emplace_back(id.as_string());
  }
  return order;
}

http::Task<http::Response> reorder_photos(ApiContext& context, http::Request& request) {
  const auto actor = actor_of(request);
  const auto version = optional_version(request);
  const auto order = photo_order(http::parse_json_object(request));
  const auto hotel = value_or_throw(co_await context.runtime.call(
      [&] { return context.commands.reorder_photos(actor, request.param("id"), order, version); }));
  co_return hotel_response(200, hotel);
}

}  // namespace

void add_photo_manage_routes(http::Router& router, ApiContext& context) {
  router.del(
      "/v1/hotels/{id}/photos/{photo_id}",
      [&context](http::Request& r) { return delete_photo(context, r); }, admin_only());
  router.put(
      "/v1/hotels/{id}/photo-order",
      [&context](http::Request& r) { return reorder_photos(context, r); }, admin_only());
}

}  // namespace hotel::hotels::api
