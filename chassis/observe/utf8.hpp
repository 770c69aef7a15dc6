// Text made safe for JSON output: invalid UTF-8 becomes U+FFFD so every line we write parses.
#pragma once

#include <string>
#include <string_view>

namespace hotel::observe {

// `text` unchanged when it is valid UTF-8; otherwise each invalid or truncated sequence is
// replaced by U+FFFD (the replacement character).
// Whether every character is ASCII (which is valid UTF-8 as it is).
bool is_ascii(std::string_view text);

std::string valid_utf8(std::string_view text);

}  // namespace hotel::observe
