// What a password must contain. Checks count characters (UTF-8 code points) for the length and
// ASCII classes for the rest: an upper-case letter A-Z, a lower-case letter a-z, a digit 0-9, and a
// symbol (any printable ASCII character that is not a letter or digit, space included).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "chassis/core/result.hpp"

namespace hotel::identity::domain {

struct PasswordPolicy {
  std::size_t min_length = 8;
  std::size_t max_length = 256;  // bounds the work a single request can ask of the hasher
  bool require_upper = true;
  bool require_lower = true;
  bool require_digit = true;
  bool require_symbol = true;
};

enum class PasswordRequirement { kMinLength, kMaxLength, kUpper, kLower, kDigit, kSymbol };

// A password the policy refuses: every requirement it misses, and one sentence naming them.
struct PasswordRejected {
  std::vector<PasswordRequirement> missing;
  std::string message;  // e.g. "password must have at least 8 characters, a digit and a symbol"
};

core::Result<std::monostate, PasswordRejected> check_password(const PasswordPolicy& policy,
                                                              std::string_view password);

}  // namespace hotel::identity::domain
