#include "services/gateway/edge/caller.hpp"

namespace hotel::gateway::edge {

// chassis/auth (the Principal type) is not on main yet: every request counts as anonymous.
std::string caller_sub(const http::Request&) { return {}; }

}  // namespace hotel::gateway::edge
