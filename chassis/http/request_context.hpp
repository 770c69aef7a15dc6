// Fills a request's correlation context from its headers: X-Request-Id (kept when well-formed),
// W3C traceparent (trace id kept, a new span id for this hop), and the remaining-time header.
#pragma once

#include <chrono>

#include "chassis/http/message.hpp"

namespace hotel::http {

// Ids already set on the request are kept, so this may be called again once the route (and its
// timeout) is known. deadline = now + min(route_timeout, caller's remaining time); a server
// gives the time the request arrived as `now` (one clock read less per request).
void fill_request_context(Request& request, std::chrono::milliseconds route_timeout,
                          std::chrono::steady_clock::time_point now);
inline void fill_request_context(Request& request, std::chrono::milliseconds route_timeout) {
  fill_request_context(request, route_timeout, std::chrono::steady_clock::now());
}

// Parses "00-<32 hex>-<16 hex>-<2 hex>"; false when malformed (then a new trace starts).
bool parse_traceparent(std::string_view value, std::string& trace_id, std::string& span_id);

}  // namespace hotel::http
