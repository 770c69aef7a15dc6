// Pieces the user pool's use-case files share. Not part of the service's interface.
#pragma once

#include <string>
#include <string_view>

#include "services/identity/application/user_pool.hpp"
#include "services/identity/domain/codes.hpp"
#include "services/identity/domain/password_policy.hpp"

namespace hotel::identity::application::detail {

inline UserPoolError pool_error(UserPoolError::Kind kind, std::string message,
                                std::string field = {}) {
  return {kind, std::move(field), std::move(message)};
}

inline core::Failure<UserPoolError> invalid(const domain::FieldError& error) {
  return core::fail(pool_error(UserPoolError::Kind::kInvalidField, error.why, error.field));
}

inline core::Failure<UserPoolError> user_not_found() {
  return core::fail(pool_error(UserPoolError::Kind::kUserNotFound, "no such user"));
}

inline core::Failure<UserPoolError> email_taken() {
  return core::fail(pool_error(UserPoolError::Kind::kEmailTaken,
                               "an account with this e-mail address exists", "email"));
}

UserPoolError code_error(domain::CodeFailure failure);

// Checks `code` against the pending code of `purpose` for the user with `email`, in `work`. A
// wrong guess is counted; a matching code is deleted. An unknown e-mail, or a user with no code
// pending, gets kInvalidCode like a wrong guess.
PoolResult<domain::StoredUser> redeem_code(storage::UnitOfWork& work,
                                           const domain::CodeRules& rules,
                                           std::string_view code_key, std::string_view email,
                                           domain::CodePurpose purpose, std::string_view code,
                                           domain::TimePoint now);

// Throttle keys: one per e-mail address (known or not) and one per client address.
inline std::string account_key(std::string_view email) { return "account:" + std::string(email); }
inline std::string address_key(std::string_view address) {
  return "address:" + std::string(address);
}

}  // namespace hotel::identity::application::detail
