#include "services/gateway/web/etag.hpp"

#include <sodium.h>

#include <array>

namespace hotel::gateway::web {
namespace {

constexpr std::size_t kHashBytes = 16;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string_view opaque(std::string_view tag) {
  tag = trim(tag);
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string strong_etag(std::string_view content) {
  std::array<unsigned char, kHashBytes> hash{};
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                     nullptr, 0);
  std::array<char, kHashBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return "\"" + std::string(hex.data(), kHashBytes * 2) + "\"";
}

bool none_match_hits(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  const auto wanted = opaque(etag);
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    if (opaque(if_none_match.substr(0, comma)) == wanted) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace hotel::gateway::web
