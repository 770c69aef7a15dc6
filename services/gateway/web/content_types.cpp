#include "services/gateway/web/content_types.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hotel::gateway::web {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"txt", "text/plain; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"ico", "image/x-icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"wasm", "application/wasm"},
}};

constexpr std::size_t kMinHashDigits = 8;

std::string_view extension(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  const auto ext = extension(file_name);
  for (const auto& [known, type] : kTypes) {
    if (iequals(ext, known)) return type;
  }
  return "application/octet-stream";
}

bool is_hashed_asset(std::string_view file_name) {
  // The hash is the part before the extension, after the last '.' or '-': "name.<hash>.ext".
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const auto stem = file_name.substr(0, dot);
  const auto separator = stem.find_last_of(".-");
  if (separator == std::string_view::npos) return false;
  const auto hash = stem.substr(separator + 1);
  return hash.size() >= kMinHashDigits && std::all_of(hash.begin(), hash.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
         });
}

std::string_view cache_control_for(std::string_view file_name) {
  if (is_hashed_asset(file_name) && !content_type_for(file_name).starts_with("text/html")) {
    return "public, max-age=31536000, immutable";
  }
  return "no-cache";
}

}  // namespace hotel::gateway::web
