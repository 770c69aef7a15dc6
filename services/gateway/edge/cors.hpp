// CORS for browsers on other origins: only the configured origins (never "*"). A preflight
// (OPTIONS with Origin and Access-Control-Request-Method) on a routed path is answered here,
// before rate limits and auth: 204 with the path's methods, the headers the API reads, Max-Age
// and, when configured, Allow-Credentials; 403 for an origin not allowed. Other answers to an
// allowed origin carry Access-Control-Allow-Origin and the headers scripts may read (added by the
// server's response decorator, so that answers made before routing get them too). Every answer
// varies by Origin.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/http/server.hpp"

namespace hotel::gateway::edge {

struct CorsOptions {
  std::vector<std::string> origins;  // exact "scheme://host[:port]"
  bool credentials = true;
  std::chrono::seconds max_age{600};
};

// Methods a path accepts ("GET, HEAD, OPTIONS"), empty for a path nothing routes.
using AllowedMethods = std::function<std::string(std::string_view path)>;

// Answers preflights; other requests go on unchanged (add_cors_headers decorates the answers).
http::Middleware cors_middleware(CorsOptions options, AllowedMethods allowed_methods);

// An answer to an allowed origin gets Access-Control-Allow-Origin (and -Credentials when
// configured) and the headers scripts may read; every answer varies by Origin.
void add_cors_headers(const CorsOptions& options, const http::Request& request,
                      http::Response& response);

}  // namespace hotel::gateway::edge
