// Who is calling, as far as the auth middleware verified it.
#pragma once

#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::gateway::edge {

// The verified principal's sub (a view into the request's principal); empty for anonymous
// requests.
std::string_view caller_sub(const http::Request& request);

}  // namespace hotel::gateway::edge
