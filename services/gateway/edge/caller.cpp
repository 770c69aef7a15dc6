#include "services/gateway/edge/caller.hpp"

#include "chassis/auth/principal.hpp"

namespace hotel::gateway::edge {

std::string caller_sub(const http::Request& request) {
  return request.principal ? request.principal->sub : std::string();
}

}  // namespace hotel::gateway::edge
