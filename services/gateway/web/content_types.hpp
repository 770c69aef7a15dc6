// Content types and cache rules of the web UI's files.
#pragma once

#include <string_view>

namespace hotel::gateway::web {

// "text/html; charset=utf-8" for "index.html"; application/octet-stream when unknown.
std::string_view content_type_for(std::string_view file_name);

// A file whose name carries a content hash ("app.3f9a1c2b.js", "logo-5d41402abc4b2a76.svg"): its
// content never changes under that name, so it may be cached for a year.
bool is_hashed_asset(std::string_view file_name);

// "no-cache" (revalidate with the ETag every time) or a year's max-age, immutable.
std::string_view cache_control_for(std::string_view file_name);

}  // namespace hotel::gateway::web
