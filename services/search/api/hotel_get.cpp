// GET /v1/search/hotels/{id}
#include "chassis/http/errors.hpp"
#include "services/search/api/guarded_index.hpp"
#include "services/search/api/routes.hpp"

namespace hotel::search::api {

void add_hotel_route(http::Router& router, GuardedIndex& index) {
  http::RoutePolicy policy;
  policy.access = http::Access::signed_in();
  router.get(
      "/v1/search/hotels/{id}",
      [&index](http::Request& request) -> http::Task<http::Response> {
        const std::string& id = request.param("id");
        auto detail = co_await index.find(id, request.context);
        if (!detail) throw http::NotFound("no hotel with this id");
        co_return http::Response::json(200, std::move(*detail));
      },
      policy);
}

}  // namespace hotel::search::api
