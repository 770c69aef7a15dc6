#include <gtest/gtest.h>

#include "services/identity/application/testing/identity_harness.hpp"
#include "services/identity/application/user_pool.hpp"

namespace hotel::identity::application {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using testing::kPassword;
using Failure = AuthFailure::Kind;

class IdentityAuthenticateTest : public ::testing::Test {
 protected:
  IdentityAuthenticateTest() { harness_.confirmed_user("ada@hotel.test"); }

  core::Result<AuthenticatedUser, AuthFailure> sign_in(const std::string& email,
                                                       const std::string& password,
                                                       const std::string& address = "10.0.0.1") {
    return harness_.pool_.authenticate(email, password, address);
  }
  static AuthFailure failure(const core::Result<AuthenticatedUser, AuthFailure>& result) {
    EXPECT_FALSE(result.ok());
    return result.ok() ? AuthFailure{Failure::kInvalidCredentials} : result.error();
  }

  testing::IdentityHarness harness_;
};

TEST_F(IdentityAuthenticateTest, TheRightPasswordSignsIn) {
  const auto result = sign_in(" ADA@hotel.test", kPassword);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->user.email, "ada@hotel.test");
  EXPECT_EQ(result->auth_time, now_ms(harness_.clock_));
}

TEST_F(IdentityAuthenticateTest, AnUnknownUserAndAWrongPasswordLookTheSame) {
  const auto unknown = failure(sign_in("nobody@hotel.test", kPassword));
  const auto wrong = failure(sign_in("ada@hotel.test", "Wrong#pass1"));
  EXPECT_EQ(unknown.kind, Failure::kInvalidCredentials);
  EXPECT_EQ(wrong.kind, Failure::kInvalidCredentials);
  EXPECT_EQ(unknown.retry_after, wrong.retry_after);
  // And they lock out alike: an unknown e-mail is throttled like a real account.
  for (int i = 0; i < 4; ++i) {
    sign_in("nobody@hotel.test", kPassword, "10.0.0.2");
    sign_in("ada@hotel.test", "Wrong#pass1", "10.0.0.3");
  }
  const auto unknown_locked = failure(sign_in("nobody@hotel.test", kPassword, "10.0.0.2"));
  const auto known_locked = failure(sign_in("ada@hotel.test", "Wrong#pass1", "10.0.0.3"));
  EXPECT_EQ(unknown_locked.kind, Failure::kLocked);
  EXPECT_EQ(known_locked.kind, Failure::kLocked);
  EXPECT_EQ(unknown_locked.retry_after, known_locked.retry_after);
}

TEST_F(IdentityAuthenticateTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(failure(sign_in("ada@hotel.test", "Wrong#pass1")).kind, Failure::kInvalidCredentials);
  }
  const auto locked = failure(sign_in("ada@hotel.test", kPassword));  // even the right password
  EXPECT_EQ(locked.kind, Failure::kLocked);
  EXPECT_EQ(locked.retry_after, minutes(15));
  // From another address too: the lock is on the account.
  EXPECT_EQ(failure(sign_in("ada@hotel.test", kPassword, "192.0.2.9")).kind, Failure::kLocked);

  harness_.clock_.advance(minutes(10));
  EXPECT_EQ(failure(sign_in("ada@hotel.test", kPassword)).retry_after, minutes(5));
  harness_.clock_.advance(minutes(5));
  EXPECT_TRUE(sign_in("ada@hotel.test", kPassword).ok());
}

TEST_F(IdentityAuthenticateTest, ASuccessfulSignInClearsTheAccountsFailures) {
  for (int i = 0; i < 4; ++i) sign_in("ada@hotel.test", "Wrong#pass1");
  ASSERT_TRUE(sign_in("ada@hotel.test", kPassword).ok());
  for (int i = 0; i < 4; ++i) sign_in("ada@hotel.test", "Wrong#pass1");
  EXPECT_TRUE(sign_in("ada@hotel.test", kPassword).ok());
}

TEST_F(IdentityAuthenticateTest, OneAddressGuessingAcrossAccountsIsLockedOut) {
  // 20 failures from one address, each on a different account (none reaches its own limit).
  for (int i = 0; i < 20; ++i) {
    const auto result =
        sign_in("user" + std::to_string(i) + "@hotel.test", kPassword, "203.0.113.7");
    EXPECT_EQ(failure(result).kind, Failure::kInvalidCredentials) << i;
  }
  const auto locked = failure(sign_in("ada@hotel.test", kPassword, "203.0.113.7"));
  EXPECT_EQ(locked.kind, Failure::kLocked);
  EXPECT_EQ(locked.retry_after, minutes(15));
  // The account itself is fine from elsewhere.
  EXPECT_TRUE(sign_in("ada@hotel.test", kPassword, "198.51.100.1").ok());
  harness_.clock_.advance(minutes(15));
  EXPECT_TRUE(sign_in("ada@hotel.test", kPassword, "203.0.113.7").ok());
}

TEST_F(IdentityAuthenticateTest, SuccessesDoNotCountAgainstTheAddress) {
  for (int i = 0; i < 30; ++i)
    ASSERT_TRUE(sign_in("ada@hotel.test", kPassword, "203.0.113.8").ok());
}

TEST_F(IdentityAuthenticateTest, UnconfirmedAndDisabledShowOnlyAfterTheRightPassword) {
  harness_.pool_.sign_up({"new@hotel.test", kPassword, {"New", "User", "", ""}, ""});
  EXPECT_EQ(failure(sign_in("new@hotel.test", "Wrong#pass1")).kind, Failure::kInvalidCredentials);
  EXPECT_EQ(failure(sign_in("new@hotel.test", kPassword)).kind, Failure::kUnconfirmed);

  const auto ada = harness_.pool_.find_user("ada@hotel.test");
  harness_.pool_.set_enabled(ada->id, false);
  EXPECT_EQ(failure(sign_in("ada@hotel.test", "Wrong#pass1")).kind, Failure::kInvalidCredentials);
  EXPECT_EQ(failure(sign_in("ada@hotel.test", kPassword)).kind, Failure::kDisabled);
  harness_.pool_.set_enabled(ada->id, true);
  EXPECT_TRUE(sign_in("ada@hotel.test", kPassword).ok());
}

TEST_F(IdentityAuthenticateTest, AnOutdatedHashIsUpgradedOnSignIn) {
  auto stronger = testing::test_options();
  stronger.hash_cost.opslimit += 1;
  UserPool upgraded(harness_.database_.store(), harness_.secrets_, harness_.clock_, stronger);
  const auto hash_of = [&] {
    return harness_.database_.store().read([](storage::UnitOfWork& work) {
      return work.users().find_by_email("ada@hotel.test")->password_hash;
    });
  };
  const std::string before = hash_of();
  ASSERT_TRUE(upgraded.authenticate("ada@hotel.test", kPassword, "").ok());
  const std::string after = hash_of();
  EXPECT_NE(after, before);
  const domain::PasswordHasher hasher(stronger.hash_cost);
  EXPECT_FALSE(hasher.needs_rehash(after));
  EXPECT_TRUE(upgraded.authenticate("ada@hotel.test", kPassword, "").ok());
  EXPECT_EQ(hash_of(), after);
}

TEST_F(IdentityAuthenticateTest, ThrottleLimitsAreConfigurable) {
  auto options = testing::test_options();
  options.throttle.account = {.max_failures = 2, .window = minutes(1), .lockout = seconds(30)};
  testing::IdentityHarness strict(options);
  strict.confirmed_user("ada@hotel.test");
  strict.pool_.authenticate("ada@hotel.test", "Wrong#pass1", "");
  strict.pool_.authenticate("ada@hotel.test", "Wrong#pass1", "");
  const auto locked = strict.pool_.authenticate("ada@hotel.test", kPassword, "");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().retry_after, seconds(30));
}

}  // namespace
}  // namespace hotel::identity::application
