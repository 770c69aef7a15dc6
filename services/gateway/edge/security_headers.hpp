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

// The fields built and checked once (Headers::add_checked), so that an answer gets them with
// one look at its own fields and one copy, and the head writer does not check them again.
class SecurityHeaders {
 public:
  // Throws std::invalid_argument when the configured CSP holds CR, LF or NUL.
  explicit SecurityHeaders(const SecurityOptions& options);

  // X-Content-Type-Options and X-Frame-Options replace the upstream's; Referrer-Policy and
  // Content-Security-Policy are added where the answer has none; HSTS over TLS when configured.
  void add(http::Response& response, bool over_tls) const;

 private:
  http::Headers usual_;     // all four below but HSTS, for an API answer that set none of them
  http::Headers always_;    // X-Content-Type-Options, X-Frame-Options
  http::Headers referrer_;  // Referrer-Policy
  http::Headers api_csp_;   // Content-Security-Policy of API answers
  http::Headers html_csp_;  // Content-Security-Policy of HTML pages
  http::Headers hsts_;      // Strict-Transport-Security; empty when not configured
};

}  // namespace hotel::gateway::edge
