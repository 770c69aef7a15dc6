#include "services/identity/domain/password_policy.hpp"

namespace hotel::identity::domain {
namespace {

struct Classes {
  std::size_t length = 0;
  bool upper = false;
  bool lower = false;
  bool digit = false;
  bool symbol = false;
};

Classes classify(std::string_view password) {
  Classes classes;
  for (const char ch : password) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte & 0xC0) != 0x80) ++classes.length;  // not a UTF-8 continuation byte
    if (byte >= 'A' && byte <= 'Z') {
      classes.upper = true;
    } else if (byte >= 'a' && byte <= 'z') {
      classes.lower = true;
    } else if (byte >= '0' && byte <= '9') {
      classes.digit = true;
    } else if (byte >= 0x20 && byte < 0x7F) {
      classes.symbol = true;
    }
  }
  return classes;
}

std::string describe(const PasswordPolicy& policy, PasswordRequirement requirement) {
  switch (requirement) {
    case PasswordRequirement::kMinLength:
      return "at least " + std::to_string(policy.min_length) + " characters";
    case PasswordRequirement::kMaxLength:
      return "at most " + std::to_string(policy.max_length) + " characters";
    case PasswordRequirement::kUpper:
      return "an upper-case letter";
    case PasswordRequirement::kLower:
      return "a lower-case letter";
    case PasswordRequirement::kDigit:
      return "a digit";
    case PasswordRequirement::kSymbol:
      return "a symbol";
  }
  return "?";
}

// "a", "a and b", "a, b and c"
std::string join(const PasswordPolicy& policy, const std::vector<PasswordRequirement>& missing) {
  std::string text;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) text += (i + 1 == missing.size()) ? " and " : ", ";
    text += describe(policy, missing[i]);
  }
  return text;
}

}  // namespace

core::Result<std::monostate, PasswordRejected> check_password(const PasswordPolicy& policy,
                                                              std::string_view password) {
  const Classes classes = classify(password);
  std::vector<PasswordRequirement> missing;
  if (classes.length < policy.min_length) missing.push_back(PasswordRequirement::kMinLength);
  if (classes.length > policy.max_length) missing.push_back(PasswordRequirement::kMaxLength);
  if (policy.require_upper && !classes.upper) missing.push_back(PasswordRequirement::kUpper);
  if (policy.require_lower && !classes.lower) missing.push_back(PasswordRequirement::kLower);
  if (policy.require_digit && !classes.digit) missing.push_back(PasswordRequirement::kDigit);
  if (policy.require_symbol && !classes.symbol) missing.push_back(PasswordRequirement::kSymbol);
  if (missing.empty()) return std::monostate{};
  std::string message = "password must have " + join(policy, missing);
  return core::fail(PasswordRejected{std::move(missing), std::move(message)});
}

}  // namespace hotel::identity::domain
