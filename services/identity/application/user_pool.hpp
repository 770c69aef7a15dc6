// The user pool's use cases: self-service (sign-up and confirmation, sign-in, password reset,
// own attributes) and administration (create, list, disable/enable, groups, demo users). Each
// call is blocking (argon2, SQLite): the API layer runs it on the worker pool. Expected outcomes
// come back as results; only broken infrastructure throws. Safe to call from several threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/core/result.hpp"
#include "chassis/secrets/secrets_provider.hpp"
#include "services/identity/application/options.hpp"
#include "services/identity/domain/user.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::application {

struct UserPoolError {
  enum class Kind {
    kInvalidField,  // `field` and `message` say which and why
    kWeakPassword,  // `message` names every requirement the password misses
    kEmailTaken,
    kInvalidCode,      // wrong code, or none pending (also what an unknown e-mail gets)
    kCodeExpired,      // a new code must be requested
    kTooManyAttempts,  // a new code must be requested
    kUserNotFound,     // only for callers that already know the user (admin, signed-in)
    kWrongPassword,    // change_password: the current password does not match
  };
  Kind kind;
  std::string field;
  std::string message;
};

template <class T>
using PoolResult = core::Result<T, UserPoolError>;

// Sign-in failures. An unknown e-mail and a wrong password are the same kInvalidCredentials and
// cost the same argon2 work. kUnconfirmed and kDisabled come only after the right password.
struct AuthFailure {
  enum class Kind { kInvalidCredentials, kLocked, kUnconfirmed, kDisabled };
  Kind kind;
  std::chrono::seconds retry_after{0};  // kLocked: when to try again
};

struct AuthenticatedUser {
  domain::User user;
  domain::TimePoint auth_time;
};

struct SignUpRequest {
  std::string email;
  std::string password;
  domain::UserAttributes attributes;
  std::string traceparent;  // continues the request's trace through the events
};

struct SignUpResult {
  std::string user_id;  // the new user's sub
  std::string email;    // where the code went (normalised)
};

struct AdminCreateUser {
  std::string email;
  std::string password;
  domain::UserAttributes attributes;
  std::optional<domain::Group> group;  // none: a customer
  bool confirmed = true;               // false: the user gets a sign-up code like a self sign-up
  std::string traceparent;
};

struct DemoUser {
  const char* email;
  const char* password;
  const char* given_name;
  const char* family_name;
  std::optional<domain::Group> group;
};
// admin@hotel.test (Admin) Admin#2026demo, manager1@hotel.test and manager2@hotel.test
// (HotelManager) Manager#2026demo, customer@hotel.test Customer#2026demo.
const std::vector<DemoUser>& demo_users();

class UserPool {
 public:
  // Reads (or on first start creates) the key that hashes confirmation codes from `secrets`.
  UserPool(storage::IdentityStore& store, secrets::SecretsProvider& secrets,
           const core::Clock& clock, const IdentityOptions& options);

  // Self-service.
  PoolResult<SignUpResult> sign_up(const SignUpRequest& request);
  PoolResult<domain::User> confirm_sign_up(std::string_view email, std::string_view code,
                                           std::string_view traceparent = {});
  // A new sign-up code for an unconfirmed user; silently nothing otherwise.
  void resend_code(std::string_view email, std::string_view traceparent = {});
  core::Result<AuthenticatedUser, AuthFailure> authenticate(std::string_view email,
                                                            std::string_view password,
                                                            std::string_view address);
  // A reset code for an enabled user; silently nothing for an unknown or disabled one.
  void forgot_password(std::string_view email, std::string_view traceparent = {});
  // Sets the new password, revokes the user's refresh tokens, clears the account's lockout, and
  // confirms an unconfirmed user (the code proved the address).
  PoolResult<std::monostate> confirm_forgot_password(std::string_view email, std::string_view code,
                                                     std::string_view new_password,
                                                     std::string_view traceparent = {});
  PoolResult<domain::User> change_attributes(std::string_view user_id,
                                             const domain::AttributeChanges& changes);
  PoolResult<std::monostate> change_password(std::string_view user_id,
                                             std::string_view current_password,
                                             std::string_view new_password);
  std::optional<domain::User> get_user(std::string_view user_id) const;
  std::optional<domain::User> find_user(std::string_view email) const;

  // Administration.
  PoolResult<domain::User> admin_create_user(const AdminCreateUser& request);
  storage::UserPage list_users(const storage::UserQuery& query) const;
  // Disabling also revokes the user's refresh tokens.
  PoolResult<domain::User> set_enabled(std::string_view user_id, bool enabled);
  PoolResult<domain::User> add_to_group(std::string_view user_id, domain::Group group);
  PoolResult<domain::User> remove_from_group(std::string_view user_id, domain::Group group);
  // Creates the demo users that do not exist yet; returns how many it created.
  int seed_demo_users();

  const IdentityOptions& options() const { return options_; }

 private:
  PoolResult<std::monostate> check_new_password(std::string_view password) const;
  // A validated, not yet stored user with its password hashed; kEmailTaken when the e-mail is.
  PoolResult<domain::StoredUser> new_user(std::string_view email, std::string_view password,
                                          const domain::UserAttributes& attributes,
                                          bool confirmed) const;
  // Issues a code, stores it and publishes user.confirmation_requested, in `work`.
  void send_code(storage::UnitOfWork& work, const domain::User& user, domain::CodePurpose purpose,
                 std::string_view traceparent);
  PoolResult<domain::User> change_groups(std::string_view user_id, domain::Group group, bool add);

  storage::IdentityStore& store_;
  const core::Clock& clock_;
  IdentityOptions options_;
  domain::PasswordHasher hasher_;
  std::string code_key_;
};

}  // namespace hotel::identity::application
