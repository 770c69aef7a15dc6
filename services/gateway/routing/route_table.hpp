// The gateway's declarative route table: which public paths go to which service, and with what
// policy (access, rate class, body limit, timeout, attempts). Read from JSON:
//
//   {"routes": [
//     {"path": "/v1/hotels/**", "service": "hotels", "methods": ["GET"], "access": "public",
//      "rate_class": "read", "body_limit": 1048576, "timeout_ms": 10000, "max_attempts": 3},
//     {"path": "/v1/hotels/**", "service": "hotels", "methods": ["POST", "PUT", "DELETE"],
//      "access": ["Admin"], "rate_class": "write"}
//   ]}
//
// "path" is exact ("/login"), may capture segments ("/v1/hotels/{id}"), or ends with "/**" for a
// prefix and everything under it. "access" is "public", "signed_in" or a list of groups (any of
// them). Omitted fields take the defaults of RouteRule. Internal paths (feeds, admin, metrics,
// health) and the gateway's own paths can never be routed.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/http/router.hpp"

namespace hotel::gateway::routing {

inline constexpr int kMaxAttemptsLimit = 5;

struct RouteRule {
  std::string path;  // as written in the table
  std::string service;
  std::vector<http::Method> methods;
  http::RoutePolicy policy;  // access (default signed in), rate class, body limit, timeout
  int max_attempts = 3;      // retries happen only for idempotent methods or an Idempotency-Key

  bool is_prefix() const { return path.ends_with("/**"); }
  // The path without "/**".
  std::string_view prefix() const;
  // Router patterns: "/v1/hotels/**" → "/v1/hotels" and "/v1/hotels/{rest...}".
  std::vector<std::string> patterns() const;
};

struct RouteTable {
  std::vector<RouteRule> rules;
  std::set<std::string> services() const;
};

class RouteTableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a table may name.
struct TableVocabulary {
  std::vector<std::string> services;
  std::vector<std::string> rate_classes;
};

// Throws RouteTableError naming the entry and field at fault ("routes[3].access: ...").
RouteTable parse_route_table(std::string_view json, const TableVocabulary& vocabulary);
// The same from a file; errors name the file.
RouteTable load_route_table(const std::string& file, const TableVocabulary& vocabulary);

// Paths of upstreams that are never proxied: event feeds, admin routes, metrics, health.
bool is_internal_path(std::string_view path);

}  // namespace hotel::gateway::routing
