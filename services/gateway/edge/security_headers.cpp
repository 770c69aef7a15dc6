#include "services/gateway/edge/security_headers.hpp"

#include <algorithm>

namespace hotel::gateway::edge {
namespace {

using http::ascii_iequals;

bool is_html(std::string_view content_type) {
  constexpr std::string_view kHtml = "text/html";
  return content_type.size() >= kHtml.size() &&
         ascii_iequals(content_type.substr(0, kHtml.size()), kHtml);
}

// What an answer's own fields say, found in one pass (names told apart by length first).
struct Seen {
  bool replaced = false;  // a field the gateway replaces is there
  bool referrer = false;
  bool csp = false;
  bool html = false;
};

bool is_replaced(std::string_view name, bool hsts) {
  switch (name.size()) {
    case 15:
      return ascii_iequals(name, "X-Frame-Options");
    case 22:
      return ascii_iequals(name, "X-Content-Type-Options");
    case 25:
      return hsts && ascii_iequals(name, "Strict-Transport-Security");
    default:
      return false;
  }
}

Seen look(const http::Headers& headers, bool hsts) {
  Seen seen;
  for (std::size_t at = 0; at < headers.size(); ++at) {
    const auto [name, value] = headers.field(at);
    if (is_replaced(name, hsts)) {
      seen.replaced = true;
    } else if (name.size() == 12 && ascii_iequals(name, "Content-Type")) {
      seen.html = seen.html || is_html(value);
    } else if (name.size() == 15 && ascii_iequals(name, "Referrer-Policy")) {
      seen.referrer = true;
    } else if (name.size() == 23 && ascii_iequals(name, "Content-Security-Policy")) {
      seen.csp = true;
    }
  }
  return seen;
}

}  // namespace

SecurityHeaders::SecurityHeaders(const SecurityOptions& options) {
  always_.add_checked("X-Content-Type-Options", "nosniff");
  always_.add_checked("X-Frame-Options", "DENY");
  referrer_.add_checked("Referrer-Policy", "no-referrer");
  api_csp_.add_checked("Content-Security-Policy", kApiCsp);
  html_csp_.add_checked("Content-Security-Policy", options.html_csp);
  usual_.add_all(always_);
  usual_.add_all(referrer_);
  usual_.add_all(api_csp_);
  if (options.hsts_max_age.count() > 0) {
    hsts_.add_checked(
        "Strict-Transport-Security",
        "max-age=" + std::to_string(options.hsts_max_age.count()) + "; includeSubDomains");
  }
}

void SecurityHeaders::add(http::Response& response, bool over_tls) const {
  auto& headers = response.headers;
  const bool hsts = over_tls && !hsts_.empty();
  const Seen seen = look(headers, hsts);
  if (seen.replaced) {
    headers.remove_if([&](std::string_view name) { return is_replaced(name, hsts); });
  }
  if (!seen.referrer && !seen.csp && !seen.html) {
    headers.add_all(usual_);
  } else {
    headers.add_all(always_);
    if (!seen.referrer) headers.add_all(referrer_);
    if (!seen.csp) headers.add_all(seen.html ? html_csp_ : api_csp_);
  }
  if (hsts) headers.add_all(hsts_);
}

}  // namespace hotel::gateway::edge
