// Who is calling, as far as the auth middleware verified it.
#pragma once

#include <string>

#include "chassis/http/message.hpp"

namespace hotel::gateway::edge {

// The verified principal's sub; empty for anonymous requests.
std::string caller_sub(const http::Request& request);

}  // namespace hotel::gateway::edge
