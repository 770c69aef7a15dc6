#include "chassis/discovery/static_resolver.hpp"

#include <stdexcept>

#include "chassis/discovery/endpoint.hpp"

namespace hotel::discovery {

StaticResolver StaticResolver::from_config(const std::map<std::string, std::string>& addresses) {
  std::map<std::string, std::vector<http::Endpoint>> table;
  std::string problems;
  for (const auto& [service, text] : addresses) {
    try {
      table.emplace(service, parse_endpoint_list(text));
    } catch (const std::invalid_argument& e) {
      problems += (problems.empty() ? "" : "\n") + ("service '" + service + "': " + e.what());
    }
  }
  if (!problems.empty()) throw std::invalid_argument(problems);
  return StaticResolver(std::move(table));
}

std::vector<http::Endpoint> StaticResolver::resolve(const std::string& service) const {
  std::vector<http::Endpoint> out;
  resolve_into(service, out);
  return out;
}

void StaticResolver::resolve_into(const std::string& service,
                                  std::vector<http::Endpoint>& out) const {
  const auto it = table_.find(service);
  if (it == table_.end()) {
    out.clear();
  } else {
    out.assign(it->second.begin(), it->second.end());
  }
}

}  // namespace hotel::discovery
