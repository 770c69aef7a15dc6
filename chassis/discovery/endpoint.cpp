#include "chassis/discovery/endpoint.hpp"

#include <algorithm>
#include <boost/algorithm/string.hpp>
#include <charconv>
#include <stdexcept>

namespace hotel::discovery {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

bool is_ipv6_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' ||
         c == '.';
}

[[noreturn]] void reject(std::string_view text, std::string_view why) {
  throw std::invalid_argument("invalid endpoint '" + std::string(text) + "': " + std::string(why));
}

std::uint16_t parse_port(std::string_view text, std::string_view port) {
  unsigned value = 0;
  const auto* end = port.data() + port.size();
  const auto [ptr, ec] = std::from_chars(port.data(), end, value);
  if (port.empty() || ec != std::errc() || ptr != end || value < 1 || value > 65535) {
    reject(text, "the port must be a number from 1 to 65535");
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

http::Endpoint parse_endpoint(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == text.npos) reject(text, "expected host:port");
  auto host = text.substr(0, colon);
  const auto port = parse_port(text, text.substr(colon + 1));
  if (host.starts_with('[') && host.ends_with(']') && host.size() > 2) {
    host = host.substr(1, host.size() - 2);
    if (!std::all_of(host.begin(), host.end(), is_ipv6_char) || host.find(':') == host.npos) {
      reject(text, "expected an IPv6 address between the brackets");
    }
  } else if (host.empty() || !std::all_of(host.begin(), host.end(), is_name_char)) {
    reject(text, "expected a host name or IPv4 address (IPv6 in brackets: [::1]:8080)");
  }
  return {std::string(host), port};
}

std::vector<http::Endpoint> parse_endpoint_list(std::string_view text) {
  std::vector<std::string> items;
  boost::algorithm::split(items, text, boost::algorithm::is_any_of(","));
  std::vector<http::Endpoint> endpoints;
  for (auto& item : items) {
    boost::algorithm::trim(item);
    if (!item.empty()) endpoints.push_back(parse_endpoint(item));
  }
  return endpoints;
}

}  // namespace hotel::discovery
