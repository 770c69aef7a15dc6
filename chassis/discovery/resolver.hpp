// Service discovery port: which endpoints serve a named service. In-process and static now;
// a registry (Cloud Map shapes) and DNS can follow behind the same interface.
#pragma once

#include <string>
#include <vector>

#include "chassis/http/client.hpp"

namespace hotel::discovery {

class Resolver {
 public:
  virtual ~Resolver() = default;
  // Endpoints of `service`, possibly empty. Must be cheap and thread-safe.
  virtual std::vector<http::Endpoint> resolve(const std::string& service) const = 0;
  // The same into `out`, whose storage (and its endpoints' strings) is reused: a caller that
  // keeps `out` resolves per request without allocating. By default, resolve()'s list moved in.
  virtual void resolve_into(const std::string& service, std::vector<http::Endpoint>& out) const {
    out = resolve(service);
  }
};

}  // namespace hotel::discovery
