// Space-separated words: OAuth scope strings, and the list columns of the storage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hotel::identity::domain {

// "  a b   c " -> {"a", "b", "c"}
std::vector<std::string> split_words(std::string_view text);
// {"a", "b"} -> "a b"
std::string join_words(const std::vector<std::string>& words);

}  // namespace hotel::identity::domain
