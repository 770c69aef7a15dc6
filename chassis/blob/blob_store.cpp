#include "chassis/blob/blob_store.hpp"

namespace hotel::blob {

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 512) return false;
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i == key.size() || key[i] == '/') {
      const auto segment = key.substr(segment_start, i - segment_start);
      if (segment.empty() || segment.find_first_not_of('.') == std::string_view::npos) return false;
      segment_start = i + 1;
      continue;
    }
    const char c = key[i];
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace hotel::blob
