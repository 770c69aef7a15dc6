// The hotels API, one endpoint family per file:
//   hotels_write.cpp    POST /v1/hotels, PUT|PATCH|DELETE /v1/hotels/{id}          Admin
//   hotels_read.cpp     GET /v1/hotels, GET /v1/hotels/{id}                  Admin, HotelManager
//   photos_upload.cpp   POST /v1/hotels/{id}/photos (multipart),
//                       PUT /v1/hotels/{id}/photos/{photo_id} (bytes)                 Admin
//   photos_manage.cpp   DELETE /v1/hotels/{id}/photos/{photo_id},
//                       PUT /v1/hotels/{id}/photo-order                               Admin
//   photos_read.cpp     GET /v1/hotels/{id}/photos/{photo_id}[/thumbnail]            anyone
#pragma once

#include "chassis/http/router.hpp"
#include "services/hotels/api/api_context.hpp"

namespace hotel::hotels::api {

void add_hotel_write_routes(http::Router& router, ApiContext& context);
void add_hotel_read_routes(http::Router& router, ApiContext& context);
void add_photo_upload_routes(http::Router& router, ApiContext& context);
void add_photo_manage_routes(http::Router& router, ApiContext& context);
void add_photo_read_routes(http::Router& router, ApiContext& context);

inline void add_routes(http::Router& router, ApiContext& context) {
  add_hotel_write_routes(router, context);
  add_hotel_read_routes(router, context);
  add_photo_upload_routes(router, context);
  add_photo_manage_routes(router, context);
  add_photo_read_routes(router, context);
}

// Route policies.
inline http::RoutePolicy admin_only() { return {.access = http::Access::groups_any({"Admin"})}; }
inline http::RoutePolicy admins_and_managers() {
  return {.access = http::Access::groups_any({"Admin", "HotelManager"})};
}

}  // namespace hotel::hotels::api
