#include "services/identity/api/client_address.hpp"

#include <algorithm>
#include <string_view>

namespace hotel::identity::api {
namespace {

bool trusted(const std::vector<std::string>& proxies, std::string_view address) {
  return std::find(proxies.begin(), proxies.end(), address) != proxies.end();
}

// IPv4 or IPv6 text: hex digits, dots and colons, at most 45 characters.
bool looks_like_ip(std::string_view text) {
  if (text.empty() || text.size() > 45) return false;
  return std::all_of(text.begin(), text.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F') ||
           ch == '.' || ch == ':';
  });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string client_address(const http::Request& request,
                           const std::vector<std::string>& trusted_proxies) {
  if (!trusted(trusted_proxies, request.remote_address)) return request.remote_address;
  // Every X-Forwarded-For field, in order, as one list; read from the nearest hop backwards.
  std::vector<std::string_view> hops;
  for (const auto& [name, value] : request.headers.fields()) {
    if (name.size() != 15 || !std::equal(name.begin(), name.end(), "x-forwarded-for",
                                         [](char a, char b) { return (a | 0x20) == b; })) {
      continue;
    }
    std::string_view rest = value;
    while (true) {
      const auto comma = rest.find(',');
      hops.push_back(trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!looks_like_ip(*it)) break;  // garbage: stop believing the list here
    if (!trusted(trusted_proxies, *it)) return std::string(*it);
  }
  return request.remote_address;
}

}  // namespace hotel::identity::api
