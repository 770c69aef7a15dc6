#include "services/gateway/edge/security_headers.hpp"

#include <cctype>

namespace hotel::gateway::edge {
namespace {

bool is_html(const http::Response& response) {
  std::string type = response.headers.get_or("Content-Type", "");
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type.starts_with("text/html");
}

}  // namespace

void add_security_headers(http::Response& response, bool over_tls, const SecurityOptions& options) {
  auto& headers = response.headers;
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "no-referrer");
  if (!headers.has("Content-Security-Policy")) {
    headers.set("Content-Security-Policy", is_html(response) ? options.html_csp : kApiCsp);
  }
  if (over_tls && options.hsts_max_age.count() > 0) {
    headers.set("Strict-Transport-Security",
                "max-age=" + std::to_string(options.hsts_max_age.count()) + "; includeSubDomains");
  }
}

}  // namespace hotel::gateway::edge
