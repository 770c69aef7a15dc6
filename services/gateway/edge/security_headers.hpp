// Security headers on every answer of the gateway: no MIME sniffing, no referrer, no framing, a
// Content-Security-Policy (the UI's for HTML pages, "nothing" for API answers, unless the
// upstream set its own), and HSTS when the request came over TLS and HSTS is configured.
#pragma once

#include <chrono>
#include <string>

#include "chassis/http/message.hpp"

namespace hotel::gateway::edge {

struct SecurityOptions {
  std::string html_csp;                  // Content-Security-Policy of HTML pages
  std::chrono::seconds hsts_max_age{0};  // 0: no Strict-Transport-Security
};

// CSP of answers that are not HTML: they load nothing and may not be framed.
inline constexpr const char* kApiCsp = "default-src 'none'; frame-ancestors 'none'";

void add_security_headers(http::Response& response, bool over_tls, const SecurityOptions& options);

}  // namespace hotel::gateway::edge
