// Confirmation codes sent by e-mail: six digits, stored only as a keyed hash bound to the user and
// purpose, valid for a while (24 h for sign-up, 1 h for a password reset) and for a few guesses.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include "chassis/core/result.hpp"
#include "services/identity/domain/user.hpp"

namespace hotel::identity::domain {

enum class CodePurpose { kSignUp, kResetPassword };
// "sign_up", "reset_password": the `purpose` of the user.confirmation_requested event.
std::string_view to_string(CodePurpose purpose);

struct CodeRules {
  std::chrono::seconds sign_up_ttl = std::chrono::hours(24);
  std::chrono::seconds reset_ttl = std::chrono::hours(1);
  int max_attempts = 5;  // wrong guesses after which the code is dead (a new one must be sent)

  std::chrono::seconds ttl(CodePurpose purpose) const {
    return purpose == CodePurpose::kSignUp ? sign_up_ttl : reset_ttl;
  }
};

struct StoredCode {
  std::string hash;
  TimePoint expires_at;
  int attempts = 0;  // wrong guesses so far
};

// A code as it is sent (`code`) and as it is stored.
struct IssuedCode {
  std::string code;
  StoredCode stored;
};

inline constexpr std::size_t kCodeDigits = 6;

// A uniformly random six-digit code (libsodium randombytes_uniform), zero-padded.
std::string random_code();
// The stored form of `code`: BLAKE2b keyed with `key` over user, purpose and code.
std::string hash_code(std::string_view key, std::string_view user_id, CodePurpose purpose,
                      std::string_view code);
IssuedCode issue_code(const CodeRules& rules, std::string_view key, std::string_view user_id,
                      CodePurpose purpose, TimePoint now);

enum class CodeFailure {
  kMismatch,         // wrong code: the caller counts the attempt
  kExpired,          // too late: a new code must be sent
  kTooManyAttempts,  // max_attempts wrong guesses already: a new code must be sent
};

// Checks `presented` against `stored` in constant time. A dead code (expired, or out of attempts)
// fails even with the right digits.
core::Result<std::monostate, CodeFailure> check_code(const CodeRules& rules,
                                                     const StoredCode& stored, std::string_view key,
                                                     std::string_view user_id, CodePurpose purpose,
                                                     std::string_view presented, TimePoint now);

}  // namespace hotel::identity::domain
