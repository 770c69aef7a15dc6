// POST /v1/hotels/{id}/photos              multipart/form-data with one part named "photo"
//                                          -> 201 {"photo":{...},"version":N}, Location, ETag
// PUT /v1/hotels/{id}/photos/{photo_id}    the image bytes as the body; creates the photo with
//                                          that id (201) or replaces its image (200)
// Admin only; If-Match optional (checked when sent). The image is validated by content (see
// images/image_processor.hpp) on the worker pool; the client's file name is never used.
#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "chassis/http/multipart.hpp"
#include "services/hotels/api/preconditions.hpp"
#include "services/hotels/api/responses.hpp"
#include "services/hotels/api/routes.hpp"
#include "services/hotels/domain/hotel_json.hpp"

namespace hotel::hotels::api {
namespace {

constexpr std::size_t kMultipartOverhead = std::size_t{64} * 1024;

http::Response photo_response(int status, const application::PhotoResult& result) {
  std::size_t order = 0;
  for (std::size_t i = 0; i < result.hotel.photos.size(); ++i) {
    if (result.hotel.photos[i].id == result.photo.id) order = i;
  }
  auto response =
      http::json_response(status, {{"photo", domain::photo_json(result.hotel, result.photo, order)},
                                   {"version", result.hotel.version}});
  response.headers.set("ETag", etag_of_version(result.hotel.version));
  response.headers.set("Location", "/v1/hotels/" + result.hotel.id + "/photos/" + result.photo.id);
  return response;
}

// Arguments by reference, named in the caller: GCC 12 destroys a braced temporary passed by value
// to a coroutine twice.
http::Task<application::PhotoResult> store_photo(ApiContext& context, const http::Request& request,
                                                 const std::string& photo_id,
                                                 const application::PhotoUpload& upload) {
  const auto actor = actor_of(request);
  if (!actor.admin) throw http::Forbidden("only admins upload photos");
  const auto version = optional_version(request);
  co_return value_or_throw(co_await context.runtime.call([&] {
    return context.commands.put_photo(actor, request.param("id"), photo_id, upload, version);
  }));
}

// GCC 12 at -O2 reports a false -Wmismatched-new-delete on some Asio awaitable frames (the
// frame's sized operator delete after inlining its operator new; GCC PR 109224), as in
// identity's login.cpp. Silenced for the functions between push and pop only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
http::Task<http::Response> upload_multipart(ApiContext& context, http::Request& request) {
  const auto boundary = http::multipart_boundary(request.headers.get_or("Content-Type", ""));
  http::MultipartLimits limits;
  limits.max_parts = 4;
  limits.max_part_bytes = context.max_photo_bytes;
  const auto parts = http::parse_multipart(request.body, boundary, limits);
  const http::MultipartPart* photo = nullptr;
  for (const auto& part : parts) {
    if (part.name != "photo") {
      throw http::BadRequest(part.name, "is not a known part; send one part named photo");
    }
    if (photo != nullptr) throw http::BadRequest("photo", "send one photo per request");
    photo = &part;
  }
  if (photo == nullptr) throw http::BadRequest("photo", "is required");
  const application::PhotoUpload upload{photo->body, photo->content_type};
  const auto result = co_await store_photo(context, request, {}, upload);
  co_return photo_response(201, result);
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

http::Task<http::Response> upload_bytes(ApiContext& context, http::Request& request) {
  const application::PhotoUpload upload{request.body, request.headers.get_or("Content-Type", "")};
  const auto result = co_await store_photo(context, request, request.param("photo_id"), upload);
  co_return photo_response(result.created ? 201 : 200, result);
}

}  // namespace

void add_photo_upload_routes(http::Router& router, ApiContext& context) {
  auto policy = admin_only();
  policy.body_limit = context.max_photo_bytes + kMultipartOverhead;
  policy.timeout = std::chrono::seconds(60);
  router.post(
      "/v1/hotels/{id}/photos",
      [&context](http::Request& r) { return upload_multipart(context, r); }, policy);
  policy.body_limit = context.max_photo_bytes;
  router.put(
      "/v1/hotels/{id}/photos/{photo_id}",
      [&context](http::Request& r) { return upload_bytes(context, r); }, policy);
}

}  // namespace hotel::hotels::api
