// UserPool::authenticate: throttled, enumeration-resistant sign-in.
//
// 1. One write: refuse when the account or the client address is locked; otherwise record this
//    attempt against both (before the slow check, so parallel guesses cannot overrun the limit)
//    and read the user.
// 2. Outside any transaction: argon2 verification against the user's hash, or against a dummy
//    hash of the same cost when there is no such user.
// 3. On the right password, one more write takes the attempt back (the account's log is cleared,
//    the address's loses this one attempt) and upgrades an outdated hash. A wrong password leaves
//    the attempt counted.
#include <algorithm>

#include "services/identity/application/user_pool.hpp"
#include "services/identity/application/user_pool_internal.hpp"

namespace hotel::identity::application {
namespace {

using Failure = AuthFailure::Kind;

struct Reservation {
  std::optional<std::chrono::seconds> locked_for;
  std::optional<domain::StoredUser> user;
};

std::optional<std::chrono::seconds> longest(std::optional<std::chrono::seconds> a,
                                            std::optional<std::chrono::seconds> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

}  // namespace

core::Result<AuthenticatedUser, AuthFailure> UserPool::authenticate(std::string_view email_in,
                                                                    std::string_view password,
                                                                    std::string_view address) {
  const std::string email = domain::normalize_email(email_in);
  const std::string account = detail::account_key(email);
  const std::string client = address.empty() ? std::string() : detail::address_key(address);
  const domain::ThrottleRules& rules = options_.throttle;
  const auto now = now_ms(clock_);

  auto reservation = store_.write([&](storage::UnitOfWork& work) {
    auto account_log = work.throttle().load(account);
    auto client_log = client.empty() ? domain::AttemptLog{} : work.throttle().load(client);
    Reservation result;
    result.locked_for = longest(account_log.locked_for(rules.account, now),
                                client_log.locked_for(rules.address, now));
    if (result.locked_for) return result;
    account_log.record(rules.account, now);
    work.throttle().save(account, account_log);
    if (!client.empty()) {
      client_log.record(rules.address, now);
      work.throttle().save(client, client_log);
    }
    result.user = work.users().find_by_email(email);
    return result;
  });
  if (reservation.locked_for) {
    return core::fail(AuthFailure{Failure::kLocked, *reservation.locked_for});
  }

  const auto& user = reservation.user;
  const bool valid = hasher_.verify(user ? user->password_hash : hasher_.dummy_hash(), password);
  if (!valid || !user) return core::fail(AuthFailure{Failure::kInvalidCredentials});

  const bool usable = user->user.status() == domain::UserStatus::kConfirmed;
  const std::string upgraded =
      usable && hasher_.needs_rehash(user->password_hash) ? hasher_.hash(password) : std::string();
  store_.write([&](storage::UnitOfWork& work) {
    work.throttle().save(account, domain::AttemptLog{});
    if (!client.empty()) {
      auto client_log = work.throttle().load(client);
      client_log.forgive(now);
      work.throttle().save(client, client_log);
    }
    if (!upgraded.empty()) work.users().set_password_hash(user->user.id, upgraded, now);
  });

  switch (user->user.status()) {
    case domain::UserStatus::kDisabled:
      return core::fail(AuthFailure{Failure::kDisabled});
    case domain::UserStatus::kUnconfirmed:
      return core::fail(AuthFailure{Failure::kUnconfirmed});
    case domain::UserStatus::kConfirmed:
      break;
  }
  return AuthenticatedUser{user->user, now};
}

}  // namespace hotel::identity::application
