#include "services/identity/api/cookies.hpp"

namespace hotel::identity::api {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string> read_cookie(const http::Request& request, std::string_view name) {
  // Browsers send one Cookie field over HTTP/1.1: "a=1; b=2".
  const auto header = request.headers.get("Cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    const std::string_view pair = trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name) {
      return std::string(trim(pair.substr(equals + 1)));
    }
  }
  return std::nullopt;
}

std::string cookie_header(std::string_view name, std::string_view value,
                          const CookieOptions& options) {
  std::string header = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly";
  header += "; SameSite=" + std::string(options.same_site);
  if (options.max_age.count() > 0) header += "; Max-Age=" + std::to_string(options.max_age.count());
  if (options.secure) header += "; Secure";
  return header;
}

std::string clear_cookie_header(std::string_view name, bool secure) {
  std::string header = std::string(name) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (secure) header += "; Secure";
  return header;
}

}  // namespace hotel::identity::api
