// What the gateway answers itself: "/" → 302 to the web UI, the UI's files under /hotel/, and
// the OpenAPI document at /openapi.json.
#pragma once

#include <string_view>

#include "chassis/http/router.hpp"

namespace hotel::gateway::web {
class StaticFiles;
}

namespace hotel::gateway::api {

inline constexpr std::string_view kUiPath = "/hotel/";

// The files outlive the router.
void add_web_routes(http::Router& router, web::StaticFiles& files);

// Serves `document` (JSON) with a strong ETag and 304 for a matching If-None-Match.
void add_openapi_route(http::Router& router, std::string_view document);

}  // namespace hotel::gateway::api
