#include "chassis/discovery/host_resolver.hpp"

namespace hotel::discovery {

HostResolver::HostResolver(std::map<std::string, std::vector<http::Endpoint>> configured,
                           std::map<std::string, http::Endpoint> fallback)
    : configured_(std::move(configured)), fallback_(std::move(fallback)) {}

void HostResolver::register_local(const std::string& service, const http::Endpoint& endpoint) {
  local_.register_endpoint(service, endpoint);
}

void HostResolver::deregister_local(const std::string& service, const http::Endpoint& endpoint) {
  local_.deregister(service, endpoint);
}

std::vector<http::Endpoint> HostResolver::resolve(const std::string& service) const {
  std::vector<http::Endpoint> out;
  resolve_into(service, out);
  return out;
}

void HostResolver::resolve_into(const std::string& service,
                                std::vector<http::Endpoint>& out) const {
  configured_.resolve_into(service, out);
  if (!out.empty()) return;
  local_.resolve_into(service, out);
  if (!out.empty()) return;
  const auto it = fallback_.find(service);
  if (it != fallback_.end() && it->second.port != 0) out.assign(1, it->second);
}

}  // namespace hotel::discovery
