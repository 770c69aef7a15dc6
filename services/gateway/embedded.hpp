// Files compiled into the binary (cmake/embed.cmake), so that the gateway runs without them.
#pragma once

#include <string_view>

namespace hotel::gateway::embedded {

// docs/openapi.json: the public API of every service, served at /openapi.json.
extern const std::string_view kOpenApiJson;
// services/gateway/routing/default_routes.json: the route table used without gateway.routes_file.
extern const std::string_view kDefaultRoutesJson;

}  // namespace hotel::gateway::embedded
