// Resolver over a fixed table of addresses, typically from config
// ("discovery.static" → {"booking": "127.0.0.1:8083,127.0.0.1:8093"}).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "chassis/discovery/resolver.hpp"

namespace hotel::discovery {

class StaticResolver final : public Resolver {
 public:
  explicit StaticResolver(std::map<std::string, std::vector<http::Endpoint>> table)
      : table_(std::move(table)) {}

  // service → comma-separated endpoints. Throws std::invalid_argument naming every service
  // whose addresses do not parse, one per line.
  static StaticResolver from_config(const std::map<std::string, std::string>& addresses);

  std::vector<http::Endpoint> resolve(const std::string& service) const override;
  void resolve_into(const std::string& service, std::vector<http::Endpoint>& out) const override;

 private:
  std::map<std::string, std::vector<http::Endpoint>> table_;  // immutable: no lock needed
};

}  // namespace hotel::discovery
