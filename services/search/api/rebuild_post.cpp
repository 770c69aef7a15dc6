// POST /v1/admin/search/rebuild
#include "chassis/core/runtime.hpp"
#include "chassis/http/json.hpp"
#include "services/search/api/routes.hpp"

namespace hotel::search::api {

void add_rebuild_route(http::Router& router, core::Runtime& runtime,
                       std::function<void()> rebuild) {
  http::RoutePolicy policy;
  policy.access = http::Access::groups_any({"Admin"});
  router.post(
      "/v1/admin/search/rebuild",
      [&runtime, rebuild = std::move(rebuild)](http::Request&) -> http::Task<http::Response> {
        co_await runtime.call(rebuild);
        co_return http::json_response(202,
                                      boost::json::object{{"status", "rebuilding"}, {"cursor", 0}});
      },
      policy);
}

}  // namespace hotel::search::api
