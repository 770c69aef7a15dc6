#include "services/gateway/routing/path_safety.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "chassis/http/errors.hpp"

namespace hotel::gateway::routing {
namespace {

// Percent-encodings that would change how the path splits: "/", "\" and NUL.
constexpr std::array<std::string_view, 3> kForbiddenEncodings{"%2f", "%5c", "%00"};

bool contains_encoding(std::string_view raw_path, std::string_view encoding) {
  for (std::size_t at = raw_path.find('%'); at != std::string_view::npos;
       at = raw_path.find('%', at + 1)) {
    const auto candidate = raw_path.substr(at, 3);
    if (candidate.size() == 3 &&
        std::equal(candidate.begin(), candidate.end(), encoding.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> unsafe_path_reason(const http::Request& request) {
  const std::string_view raw_path =
      std::string_view(request.target)
          .substr(0, std::min(request.target.find('?'), request.target.size()));
  if (raw_path.find('%') != std::string_view::npos) {
    for (auto encoding : kForbiddenEncodings) {
      if (contains_encoding(raw_path, encoding)) {
        return "must not contain an encoded '/', '\\' or NUL";
      }
    }
  }
  // One pass over the decoded path for NUL, '\' and dot segments (told in that order).
  const std::string_view path = request.path;
  bool forbidden_character = false;
  bool dot_segment = false;
  std::size_t segment_start = 0;
  for (std::size_t at = 0; at <= path.size(); ++at) {
    const char c = at < path.size() ? path[at] : '/';
    if (c == '\0' || c == '\\') forbidden_character = true;
    if (c != '/') continue;
    const std::string_view segment = path.substr(segment_start, at - segment_start);
    dot_segment = dot_segment || segment == "." || segment == "..";
    segment_start = at + 1;
  }
  if (forbidden_character) return "must not contain NUL or '\\'";
  if (dot_segment) return "must not contain '.' or '..' segments";
  return std::nullopt;
}

void require_safe_path(const http::Request& request) {
  if (auto reason = unsafe_path_reason(request)) {
    throw http::BadRequest("path", *reason, "unsafe_path");
  }
}

}  // namespace hotel::gateway::routing
