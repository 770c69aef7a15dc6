// Paths the gateway refuses to relay or serve: encoded slashes or backslashes, NUL, and "." or
// ".." segments (in any encoding), which could reach another resource than the one routed.
#pragma once

#include <optional>
#include <string>

#include "chassis/http/message.hpp"

namespace hotel::gateway::routing {

// Why the request's path is refused; nullopt when it is safe.
std::optional<std::string> unsafe_path_reason(const http::Request& request);

// Throws http::BadRequest (field "path") when the path is unsafe.
void require_safe_path(const http::Request& request);

}  // namespace hotel::gateway::routing
