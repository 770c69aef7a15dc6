#include "services/identity/domain/codes.hpp"

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {

std::string_view to_string(CodePurpose purpose) {
  return purpose == CodePurpose::kSignUp ? "sign_up" : "reset_password";
}

std::string random_code() {
  std::string code = std::to_string(random_below(1'000'000));
  code.insert(0, kCodeDigits - code.size(), '0');
  return code;
}

std::string hash_code(std::string_view key, std::string_view user_id, CodePurpose purpose,
                      std::string_view code) {
  std::string message(to_string(purpose));
  message.append(":").append(user_id).append(":").append(code);
  return keyed_hash_hex(key, message);
}

IssuedCode issue_code(const CodeRules& rules, std::string_view key, std::string_view user_id,
                      CodePurpose purpose, TimePoint now) {
  std::string code = random_code();
  StoredCode stored{hash_code(key, user_id, purpose, code), now + rules.ttl(purpose), 0};
  return {std::move(code), std::move(stored)};
}

core::Result<std::monostate, CodeFailure> check_code(const CodeRules& rules,
                                                     const StoredCode& stored, std::string_view key,
                                                     std::string_view user_id, CodePurpose purpose,
                                                     std::string_view presented, TimePoint now) {
  if (stored.attempts >= rules.max_attempts) return core::fail(CodeFailure::kTooManyAttempts);
  if (now >= stored.expires_at) return core::fail(CodeFailure::kExpired);
  if (!constant_time_equal(hash_code(key, user_id, purpose, presented), stored.hash)) {
    return core::fail(CodeFailure::kMismatch);
  }
  return std::monostate{};
}

}  // namespace hotel::identity::domain
