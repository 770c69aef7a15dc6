#include "services/identity/api/html.hpp"

#include "services/identity/api/csrf.hpp"

namespace hotel::identity::api {
namespace {

constexpr std::string_view kStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f3f4f6;"
    "color:#111827;margin:0}"
    "main{max-width:24rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:.5rem;"
    "box-shadow:0 1px 3px rgba(0,0,0,.15)}"
    "h1{font-size:1.4rem;margin:0 0 1.2rem}"
    "label{display:block;font-weight:600;margin:.9rem 0 .3rem}"
    "input{box-sizing:border-box;width:100%;padding:.55rem;border:1px solid #9ca3af;"
    "border-radius:.3rem;font-size:1rem}"
    "input:focus{outline:2px solid #2563eb;border-color:#2563eb}"
    "button{margin-top:1.3rem;width:100%;padding:.65rem;border:0;border-radius:.3rem;"
    "background:#1d4ed8;color:#fff;font-size:1rem;cursor:pointer}"
    "button:hover{background:#1e40af}"
    ".hint{font-size:.85rem;color:#4b5563;margin:.3rem 0 0}"
    ".error{background:#fef2f2;border:1px solid #fca5a5;color:#991b1b;padding:.7rem;"
    "border-radius:.3rem}"
    ".info{background:#eff6ff;border:1px solid #93c5fd;color:#1e3a8a;padding:.7rem;"
    "border-radius:.3rem}"
    "p{line-height:1.5}a{color:#1d4ed8}";

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(ch);
    }
  }
  return out;
}

http::Response html_page(int status, std::string_view title, std::string_view body_html) {
  std::string page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">";
  page += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">";
  page += "<title>" + escape(title) + " · Hotel</title><style>";
  page += kStyle;
  page += "</style></head><body><main><h1>" + escape(title) + "</h1>";
  page += body_html;
  page += "</main></body></html>";
  auto response = http::Response::text(status, std::move(page), "text/html; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Content-Security-Policy",
                       "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                       "frame-ancestors 'none'");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}

std::string field(const Field& spec) {
  std::string html = "<label for=\"" + escape(spec.name) + "\">" + escape(spec.label) + "</label>";
  html += "<input id=\"" + escape(spec.name) + "\" name=\"" + escape(spec.name) + "\" type=\"" +
          escape(spec.type) + "\" value=\"" + escape(spec.value) + "\" required";
  if (!spec.autocomplete.empty()) html += " autocomplete=\"" + escape(spec.autocomplete) + "\"";
  html += ">";
  if (!spec.hint.empty()) html += "<p class=\"hint\">" + escape(spec.hint) + "</p>";
  return html;
}

std::string hidden(std::string_view name, std::string_view value) {
  return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
}

std::string message(std::string_view kind, std::string_view text) {
  return "<p class=\"" + escape(kind) + "\" role=\"" + (kind == "error" ? "alert" : "status") +
         "\">" + escape(text) + "</p>";
}

std::string form(std::string_view action, std::string_view csrf_token, std::string_view fields_html,
                 std::string_view button) {
  return "<form method=\"post\" action=\"" + escape(action) + "\">" +
         hidden(kCsrfField, csrf_token) + std::string(fields_html) + "<button type=\"submit\">" +
         escape(button) + "</button></form>";
}

std::string link(std::string_view href, std::string_view text) {
  return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
}

std::string paragraph(std::string_view html) { return "<p>" + std::string(html) + "</p>"; }

}  // namespace hotel::identity::api
