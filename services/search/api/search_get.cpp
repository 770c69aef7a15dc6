// GET /v1/search
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "services/search/api/guarded_index.hpp"
#include "services/search/api/routes.hpp"
#include "services/search/api/views.hpp"
#include "services/search/domain/dates.hpp"

namespace hotel::search::api {

void add_search_route(http::Router& router, GuardedIndex& index, const core::Clock& clock) {
  http::RoutePolicy policy;
  policy.access = http::Access::signed_in();
  router.get(
      "/v1/search",
      [&index, &clock](http::Request& request) -> http::Task<http::Response> {
        const auto today = domain::utc_day(clock.system_now());
        const auto query = domain::parse_search_query(query_params(request), today);
        if (!query) throw http::BadRequest(query.error().field, query.error().why);
        const auto page = co_await index.search(query.value(), request.context);
        co_return http::json_response(200, page_json(page));
      },
      policy);
}

}  // namespace hotel::search::api
