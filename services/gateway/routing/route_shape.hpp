// Which methods the route table accepts on a path: for 405 answers with Allow, and for CORS
// preflights.
#pragma once

#include <string>
#include <string_view>

#include "chassis/http/router.hpp"
#include "services/gateway/routing/route_table.hpp"

namespace hotel::gateway::routing {

class RouteShape {
 public:
  explicit RouteShape(const RouteTable& table);

  // "DELETE, GET, HEAD, OPTIONS, POST" for a path some rule routes; empty when none does.
  std::string allowed_methods(std::string_view path) const;

 private:
  http::Router router_;  // the table's patterns and methods, with no handlers
};

}  // namespace hotel::gateway::routing
