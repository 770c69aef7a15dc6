#include "services/gateway/edge/security_headers.hpp"

#include <algorithm>

namespace hotel::gateway::edge {
namespace {

bool is_html(const http::Response& response) {
  const auto type = response.headers.find("Content-Type");
  constexpr std::string_view kHtml = "text/html";
  return type && type->size() >= kHtml.size() &&
         std::equal(kHtml.begin(), kHtml.end(), type->begin(), [](char html, char c) {
           return html == (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
         });
}

}  // namespace

void add_security_headers(http::Response& response, bool over_tls, const SecurityOptions& options) {
  auto& headers = response.headers;
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "no-referrer");
  if (!headers.has("Content-Security-Policy")) {
    // Views both ways: a std::string on one side would copy the other into a temporary.
    headers.set("Content-Security-Policy",
                is_html(response) ? std::string_view(options.html_csp) : std::string_view(kApiCsp));
  }
  if (over_tls && options.hsts_max_age.count() > 0) {
    headers.set("Strict-Transport-Security",
                "max-age=" + std::to_string(options.hsts_max_age.count()) + "; includeSubDomains");
  }
}

}  // namespace hotel::gateway::edge
