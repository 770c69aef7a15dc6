// Resolver for services sharing one process: each registers its bound endpoint when its listener
// is up and deregisters when it stops.
#pragma once

#include <map>
#include <shared_mutex>
#include <string>
#include <vector>

#include "chassis/discovery/resolver.hpp"

namespace hotel::discovery {

class InProcessResolver final : public Resolver {
 public:
  // Registering an endpoint a second time changes nothing.
  void register_endpoint(const std::string& service, const http::Endpoint& endpoint);
  // Removes that endpoint; unknown ones are ignored.
  void deregister(const std::string& service, const http::Endpoint& endpoint);

  std::vector<http::Endpoint> resolve(const std::string& service) const override;
  void resolve_into(const std::string& service, std::vector<http::Endpoint>& out) const override;

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::vector<http::Endpoint>> table_;
};

}  // namespace hotel::discovery
