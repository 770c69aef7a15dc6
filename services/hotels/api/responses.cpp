#include "services/hotels/api/responses.hpp"

#include "chassis/auth/middleware.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/hotels/api/preconditions.hpp"
#include "services/hotels/domain/hotel_json.hpp"

namespace hotel::hotels::api {

application::Actor actor_of(const http::Request& request) {
  const auto& principal = auth::require_principal(request);
  return {principal.sub, principal.username, principal.in_group("Admin"),
          principal.in_group("HotelManager"), request.context.traceparent()};
}

void throw_error(const domain::Error& error) {
  using Kind = domain::Error::Kind;
  switch (error.kind) {
    case Kind::kInvalid:
      throw http::BadRequest(error.field, error.message);
    case Kind::kNotFound:
      throw http::NotFound(error.message);
    case Kind::kForbidden:
      throw http::Forbidden(error.message);
    case Kind::kPreconditionFailed:
      throw http::PreconditionFailed(error.message);
    case Kind::kConflict:
      throw http::HttpError(409, "conflict", "Conflict", error.message, error.field);
    case Kind::kTooLarge:
      throw http::PayloadTooLarge(error.message);
    case Kind::kUnsupportedMedia:
      throw http::HttpError(415, "unsupported_media_type", "Unsupported Media Type", error.message,
                            error.field);
  }
  throw http::HttpError(500, "internal", "Internal Server Error", "unexpected domain error");
}

http::Response hotel_response(int status, const domain::Hotel& hotel) {
  auto response = http::json_response(status, domain::hotel_snapshot(hotel));
  response.headers.set("ETag", etag_of_version(hotel.version));
  return response;
}

}  // namespace hotel::hotels::api
