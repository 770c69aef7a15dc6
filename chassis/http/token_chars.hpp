// RFC 9110 token characters (tchar): the characters of a method and of a field name. Internal to
// chassis/http: the head parser reads names with it, Headers::add_checked checks them.
#pragma once

#include <array>
#include <string_view>

namespace hotel::http {

inline constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> table{};
  for (unsigned char c = '0'; c <= '9'; ++c) table[c] = true;
  for (unsigned char c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (unsigned char c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (const unsigned char c : std::string_view("!#$%&'*+-.^_`|~")) table[c] = true;
  return table;
}();

inline bool is_token_char(char c) { return kTokenChars[static_cast<unsigned char>(c)]; }

}  // namespace hotel::http
