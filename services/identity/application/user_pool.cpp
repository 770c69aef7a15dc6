#include "services/identity/application/user_pool.hpp"

#include "chassis/core/ids.hpp"
#include "services/identity/application/secret_names.hpp"
#include "services/identity/application/user_events.hpp"
#include "services/identity/application/user_pool_internal.hpp"
#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::application {

using Kind = UserPoolError::Kind;
using detail::invalid;
using detail::pool_error;
using detail::user_not_found;

UserPoolError detail::code_error(domain::CodeFailure failure) {
  switch (failure) {
    case domain::CodeFailure::kMismatch:
      break;
    case domain::CodeFailure::kExpired:
      return pool_error(Kind::kCodeExpired, "the code has expired: request a new one");
    case domain::CodeFailure::kTooManyAttempts:
      return pool_error(Kind::kTooManyAttempts, "too many wrong codes: request a new one");
  }
  return pool_error(Kind::kInvalidCode, "the code is not valid");
}

PoolResult<domain::StoredUser> detail::redeem_code(storage::UnitOfWork& work,
                                                   const domain::CodeRules& rules,
                                                   std::string_view code_key,
                                                   std::string_view email,
                                                   domain::CodePurpose purpose,
                                                   std::string_view code, domain::TimePoint now) {
  auto stored = work.users().find_by_email(domain::normalize_email(email));
  const auto pending = stored ? work.users().find_code(stored->user.id, purpose) : std::nullopt;
  if (!pending) return core::fail(code_error(domain::CodeFailure::kMismatch));
  const auto checked =
      domain::check_code(rules, *pending, code_key, stored->user.id, purpose, code, now);
  if (!checked) {
    if (checked.error() == domain::CodeFailure::kMismatch) {
      work.users().count_code_attempt(stored->user.id, purpose);
    }
    return core::fail(code_error(checked.error()));
  }
  work.users().delete_code(stored->user.id, purpose);
  return std::move(*stored);
}

UserPool::UserPool(storage::IdentityStore& store, secrets::SecretsProvider& secrets,
                   const core::Clock& clock, const IdentityOptions& options)
    : store_(store),
      clock_(clock),
      options_(options),
      hasher_(options_.hash_cost),
      // Hashed to the 32 bytes the keyed hash wants, whatever length an operator's secret has.
      code_key_(domain::sha256(
          secret_or_create(secrets, kCodeKeySecret, [] { return domain::random_token(); }))) {}

PoolResult<std::monostate> UserPool::check_new_password(std::string_view password) const {
  auto checked = domain::check_password(options_.password_policy, password);
  if (!checked) {
    return core::fail(pool_error(Kind::kWeakPassword, checked.error().message, "password"));
  }
  return std::monostate{};
}

void UserPool::send_code(storage::UnitOfWork& work, const domain::User& user,
                         domain::CodePurpose purpose, std::string_view traceparent) {
  const auto issued =
      domain::issue_code(options_.codes, code_key_, user.id, purpose, now_ms(clock_));
  work.users().put_code(user.id, purpose, issued.stored);
  work.publish(confirmation_requested_event(user, issued.code, purpose, traceparent));
}

PoolResult<domain::StoredUser> UserPool::new_user(std::string_view email_in,
                                                  std::string_view password,
                                                  const domain::UserAttributes& attributes,
                                                  bool confirmed) const {
  const std::string email = domain::normalize_email(email_in);
  if (auto valid = domain::validate_email(email); !valid) return invalid(valid.error());
  if (auto valid = domain::validate_attributes(attributes); !valid) return invalid(valid.error());
  if (auto strong = check_new_password(password); !strong) return core::fail(strong.error());
  if (find_user(email)) return detail::email_taken();  // before the slow hash
  const auto now = now_ms(clock_);
  return domain::StoredUser{domain::User{.id = core::uuid_v4(),
                                         .email = email,
                                         .attributes = attributes,
                                         .confirmed = confirmed,
                                         .enabled = true,
                                         .groups = {},
                                         .created_at = now,
                                         .updated_at = now},
                            hasher_.hash(password)};
}

PoolResult<SignUpResult> UserPool::sign_up(const SignUpRequest& request) {
  auto prepared = new_user(request.email, request.password, request.attributes, false);
  if (!prepared) return core::fail(prepared.error());
  const domain::StoredUser& stored = prepared.value();
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<SignUpResult> {
    if (!work.users().insert(stored)) return detail::email_taken();
    send_code(work, stored.user, domain::CodePurpose::kSignUp, request.traceparent);
    return SignUpResult{stored.user.id, stored.user.email};
  });
}

PoolResult<domain::User> UserPool::confirm_sign_up(std::string_view email, std::string_view code,
                                                   std::string_view traceparent) {
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<domain::User> {
    const auto now = now_ms(clock_);
    auto redeemed = detail::redeem_code(work, options_.codes, code_key_, email,
                                        domain::CodePurpose::kSignUp, code, now);
    if (!redeemed) return core::fail(redeemed.error());
    domain::User user = std::move(redeemed->user);
    user.confirmed = true;
    user.updated_at = now;
    work.users().update(user);
    work.publish(signed_up_event(user, traceparent));
    return user;
  });
}

void UserPool::resend_code(std::string_view email, std::string_view traceparent) {
  store_.write([&](storage::UnitOfWork& work) {
    const auto stored = work.users().find_by_email(domain::normalize_email(email));
    if (!stored || stored->user.status() != domain::UserStatus::kUnconfirmed) return;
    send_code(work, stored->user, domain::CodePurpose::kSignUp, traceparent);
  });
}

void UserPool::forgot_password(std::string_view email, std::string_view traceparent) {
  store_.write([&](storage::UnitOfWork& work) {
    const auto stored = work.users().find_by_email(domain::normalize_email(email));
    if (!stored || !stored->user.enabled) return;
    send_code(work, stored->user, domain::CodePurpose::kResetPassword, traceparent);
  });
}

PoolResult<std::monostate> UserPool::confirm_forgot_password(std::string_view email,
                                                             std::string_view code,
                                                             std::string_view new_password,
                                                             std::string_view traceparent) {
  if (auto strong = check_new_password(new_password); !strong) return strong;
  // Hashed whether or not the code turns out right, so an unknown e-mail costs the same.
  const std::string hash = hasher_.hash(new_password);
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<std::monostate> {
    const auto now = now_ms(clock_);
    auto redeemed = detail::redeem_code(work, options_.codes, code_key_, email,
                                        domain::CodePurpose::kResetPassword, code, now);
    if (!redeemed) return core::fail(redeemed.error());
    domain::User& user = redeemed->user;
    work.users().set_password_hash(user.id, hash, now);
    work.tokens().revoke_user(user.id, now);
    work.throttle().save(detail::account_key(user.email), domain::AttemptLog{});
    if (!user.confirmed) {
      user.confirmed = true;
      user.updated_at = now;
      work.users().update(user);
      work.publish(signed_up_event(user, traceparent));
    }
    return std::monostate{};
  });
}

PoolResult<domain::User> UserPool::change_attributes(std::string_view user_id,
                                                     const domain::AttributeChanges& changes) {
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<domain::User> {
    auto stored = work.users().find_by_id(user_id);
    if (!stored) return user_not_found();
    domain::User& user = stored->user;
    user.attributes = domain::apply_changes(user.attributes, changes);
    if (auto valid = domain::validate_attributes(user.attributes); !valid) {
      return invalid(valid.error());
    }
    user.updated_at = now_ms(clock_);
    work.users().update(user);
    return std::move(user);
  });
}

PoolResult<std::monostate> UserPool::change_password(std::string_view user_id,
                                                     std::string_view current_password,
                                                     std::string_view new_password) {
  const auto stored =
      store_.read([&](storage::UnitOfWork& work) { return work.users().find_by_id(user_id); });
  if (!stored) return user_not_found();
  if (auto strong = check_new_password(new_password); !strong) return strong;
  if (!hasher_.verify(stored->password_hash, current_password)) {
    return core::fail(
        pool_error(Kind::kWrongPassword, "the current password is wrong", "current_password"));
  }
  const std::string hash = hasher_.hash(new_password);
  store_.write([&](storage::UnitOfWork& work) {
    work.users().set_password_hash(user_id, hash, now_ms(clock_));
  });
  return std::monostate{};
}

std::optional<domain::User> UserPool::get_user(std::string_view user_id) const {
  auto stored =
      store_.read([&](storage::UnitOfWork& work) { return work.users().find_by_id(user_id); });
  if (!stored) return std::nullopt;
  return std::move(stored->user);
}

std::optional<domain::User> UserPool::find_user(std::string_view email) const {
  auto stored = store_.read([&](storage::UnitOfWork& work) {
    return work.users().find_by_email(domain::normalize_email(email));
  });
  if (!stored) return std::nullopt;
  return std::move(stored->user);
}

}  // namespace hotel::identity::application
