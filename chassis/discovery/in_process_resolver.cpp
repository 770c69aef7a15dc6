#include "chassis/discovery/in_process_resolver.hpp"

#include <algorithm>
#include <mutex>

namespace hotel::discovery {

void InProcessResolver::register_endpoint(const std::string& service,
                                          const http::Endpoint& endpoint) {
  std::unique_lock lock(mutex_);
  auto& endpoints = table_[service];
  if (std::find(endpoints.begin(), endpoints.end(), endpoint) == endpoints.end()) {
    endpoints.push_back(endpoint);
  }
}

void InProcessResolver::deregister(const std::string& service, const http::Endpoint& endpoint) {
  std::unique_lock lock(mutex_);
  const auto it = table_.find(service);
  if (it == table_.end()) return;
  std::erase(it->second, endpoint);
  if (it->second.empty()) table_.erase(it);
}

std::vector<http::Endpoint> InProcessResolver::resolve(const std::string& service) const {
  std::vector<http::Endpoint> out;
  resolve_into(service, out);
  return out;
}

void InProcessResolver::resolve_into(const std::string& service,
                                     std::vector<http::Endpoint>& out) const {
  std::shared_lock lock(mutex_);
  const auto it = table_.find(service);
  if (it == table_.end()) {
    out.clear();
  } else {
    out.assign(it->second.begin(), it->second.end());
  }
}

}  // namespace hotel::discovery
