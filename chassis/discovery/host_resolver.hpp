// The resolver a host gives its services. For each service, in order: endpoints configured
// for it (services.<name>.endpoints), else the instance registered in this process, else
// 127.0.0.1:<its configured port> (separate processes on loopback).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "chassis/discovery/in_process_resolver.hpp"
#include "chassis/discovery/static_resolver.hpp"

namespace hotel::discovery {

class HostResolver final : public Resolver {
 public:
  HostResolver(std::map<std::string, std::vector<http::Endpoint>> configured,
               std::map<std::string, http::Endpoint> fallback);

  void register_local(const std::string& service, const http::Endpoint& endpoint);
  void deregister_local(const std::string& service, const http::Endpoint& endpoint);
  std::vector<http::Endpoint> resolve(const std::string& service) const override;
  void resolve_into(const std::string& service, std::vector<http::Endpoint>& out) const override;

 private:
  StaticResolver configured_;
  InProcessResolver local_;
  std::map<std::string, http::Endpoint> fallback_;
};

}  // namespace hotel::discovery
