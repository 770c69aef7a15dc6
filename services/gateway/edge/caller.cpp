#include "services/gateway/edge/caller.hpp"

#include "chassis/auth/principal.hpp"

namespace hotel::gateway::edge {

std::string_view caller_sub(const http::Request& request) {
  return request.principal ? std::string_view(request.principal->sub) : std::string_view();
}

}  // namespace hotel::gateway::edge
