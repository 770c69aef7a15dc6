#include "services/gateway/routing/route_shape.hpp"

#include <algorithm>
#include <set>

namespace hotel::gateway::routing {

RouteShape::RouteShape(const RouteTable& table) {
  std::set<std::pair<std::string, http::Method>> added;
  for (const auto& rule : table.rules) {
    for (const auto& pattern : rule.patterns()) {
      for (auto method : rule.methods) {
        if (added.emplace(pattern, method).second) router_.add(method, pattern, {});
      }
    }
  }
}

std::string RouteShape::allowed_methods(std::string_view path) const {
  // No rule takes OPTIONS, so the match lists every method the path accepts.
  const auto match = router_.match(http::Method::kOptions, path);
  if (match.allowed.empty()) return {};
  std::set<std::string> methods{"OPTIONS"};
  std::string_view list = match.allowed;
  while (!list.empty()) {
    const auto comma = list.find(", ");
    methods.emplace(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 2);
  }
  if (methods.contains("GET")) methods.emplace("HEAD");
  std::string out;
  for (const auto& method : methods) out += (out.empty() ? "" : ", ") + method;
  return out;
}

}  // namespace hotel::gateway::routing
