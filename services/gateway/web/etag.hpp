// Strong ETags from content hashes, and If-None-Match.
#pragma once

#include <string>
#include <string_view>

namespace hotel::gateway::web {

// "\"<32 hex digits of BLAKE2b-128 of the content>\"".
std::string strong_etag(std::string_view content);

// True when an If-None-Match value names the ETag (weak comparison, as RFC 9110 asks for
// If-None-Match) or is "*".
bool none_match_hits(std::string_view if_none_match, std::string_view etag);

}  // namespace hotel::gateway::web
