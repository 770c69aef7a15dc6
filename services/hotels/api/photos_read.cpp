// GET /v1/hotels/{id}/photos/{photo_id}             the image as uploaded
// GET /v1/hotels/{id}/photos/{photo_id}/thumbnail   a JPEG for list views
// Public: the search UI shows them. The content type is the one detected from the content. The
// ETag is the content's; If-None-Match answers 304. A URL whose `v` is the current ETag (the URLs
// in hotel snapshots) is cached for a year as immutable; other requests for five minutes.
#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "services/hotels/api/routes.hpp"

namespace hotel::hotels::api {
namespace {

bool none_match(const http::Request& request, const std::string& etag) {
  const auto header = request.headers.get("If-None-Match");
  if (!header) return false;
  if (*header == "*") return true;
  return header->find(etag) != std::string::npos;
}

http::Task<http::Response> get_photo(ApiContext& context, http::Request& request, bool thumbnail) {
  const auto content = co_await context.runtime.call([&] {
    return context.queries.photo(request.param("id"), request.param("photo_id"), thumbnail);
  });
  if (!content) throw http::NotFound("no such photo");
  const std::string etag = "\"" + content->photo_etag + (thumbnail ? "-thumb\"" : "\"");
  const bool versioned = request.query_param("v") == content->photo_etag;
  http::Response response =
      none_match(request, etag)
          ? http::Response::empty(304)
          : http::Response::text(200, content->blob.bytes, content->blob.content_type);
  response.headers.set("ETag", etag);
  response.headers.set("Cache-Control",
                       versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
  response.headers.set("X-Content-Type-Options", "nosniff");
  co_return response;
}

}  // namespace

void add_photo_read_routes(http::Router& router, ApiContext& context) {
  const http::RoutePolicy policy{.access = http::Access::anyone()};
  router.get(
      "/v1/hotels/{id}/photos/{photo_id}",
      [&context](http::Request& r) { return get_photo(context, r, false); }, policy);
  router.get(
      "/v1/hotels/{id}/photos/{photo_id}/thumbnail",
      [&context](http::Request& r) { return get_photo(context, r, true); }, policy);
}

}  // namespace hotel::hotels::api
