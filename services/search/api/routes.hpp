// The search service's HTTP endpoints (one file each):
//   GET  /v1/search                  signed-in users: filters, sort, cursor pages, facets
//   GET  /v1/search/hotels/{id}      signed-in users: one hotel's detail (404 when deleted)
//   POST /v1/admin/search/rebuild    Admin: clears the read model and replays the hotels feed
#pragma once

#include <functional>

#include "chassis/core/clock.hpp"
#include "chassis/http/router.hpp"
#include "services/search/domain/search_query.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::search::api {

class GuardedIndex;

// The decoded query parameters in order; BadRequest("query") for a malformed query string.
domain::QueryParams query_params(const http::Request& request);

// `index` and `clock` outlive the router.
void add_search_route(http::Router& router, GuardedIndex& index, const core::Clock& clock);
void add_hotel_route(http::Router& router, GuardedIndex& index);
// `rebuild` is blocking (it runs on the worker pool) and starts the rebuild; the response does
// not wait for the read model to fill again.
void add_rebuild_route(http::Router& router, core::Runtime& runtime, std::function<void()> rebuild);

}  // namespace hotel::search::api
