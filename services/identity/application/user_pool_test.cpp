#include "services/identity/application/user_pool.hpp"

#include <gtest/gtest.h>

#include "services/identity/application/testing/identity_harness.hpp"

namespace hotel::identity::application {
namespace {

using std::chrono::hours;
using testing::kPassword;
using Kind = UserPoolError::Kind;

class IdentityUserPoolTest : public ::testing::Test {
 protected:
  PoolResult<SignUpResult> sign_up(const std::string& email,
                                   const std::string& password = kPassword) {
    return pool().sign_up(
        {email, password, {"Ada", "Lovelace", "", "+441234567"}, "00-trace-span-01"});
  }
  UserPool& pool() { return harness_.pool_; }
  std::string wrong_code(const std::string& email) const {
    return harness_.last_code(email) == "000000" ? "000001" : "000000";
  }

  testing::IdentityHarness harness_;
};

TEST_F(IdentityUserPoolTest, SignUpStoresAnUnconfirmedUserAndSendsACodeInOneTransaction) {
  const auto result = sign_up("Ada@Hotel.test");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->email, "ada@hotel.test");
  const auto user = pool().find_user("ada@hotel.test");
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->id, result->user_id);
  EXPECT_EQ(user->status(), domain::UserStatus::kUnconfirmed);

  const auto events = harness_.database_.events_of("user.confirmation_requested");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].subject, result->user_id);
  EXPECT_EQ(events[0].traceparent, "00-trace-span-01");
  const auto& data = events[0].data.as_object();
  EXPECT_EQ(data.at("email").as_string(), "ada@hotel.test");
  EXPECT_EQ(data.at("given_name").as_string(), "Ada");
  EXPECT_EQ(data.at("purpose").as_string(), "sign_up");
  EXPECT_EQ(data.at("code").as_string().size(), 6u);
  EXPECT_EQ(harness_.database_.count("confirmation_codes"), 1);
}

TEST_F(IdentityUserPoolTest, SignUpNamesWhatThePasswordMisses) {
  const auto result = sign_up("ada@hotel.test", "password");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Kind::kWeakPassword);
  EXPECT_EQ(result.error().field, "password");
  EXPECT_EQ(result.error().message,
            "password must have an upper-case letter, a digit and a symbol");
  EXPECT_FALSE(pool().find_user("ada@hotel.test").has_value());
  EXPECT_TRUE(harness_.database_.events().empty());
}

TEST_F(IdentityUserPoolTest, SignUpNamesTheInvalidField) {
  auto result = sign_up("not-an-email");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Kind::kInvalidField);
  EXPECT_EQ(result.error().field, "email");
  result = pool().sign_up({"ada@hotel.test", kPassword, {"Ada", "Lovelace", "", "555-1234"}, ""});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "phone_number");
}

TEST_F(IdentityUserPoolTest, ATakenEmailCannotSignUpAgain) {
  ASSERT_TRUE(sign_up("ada@hotel.test").ok());
  const auto again = sign_up(" ADA@hotel.test");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, Kind::kEmailTaken);
}

TEST_F(IdentityUserPoolTest, ConfirmingWithTheCodeConfirmsAndPublishesSignedUp) {
  const auto signed_up = sign_up("ada@hotel.test");
  const auto confirmed =
      pool().confirm_sign_up("ada@hotel.test", harness_.last_code("ada@hotel.test"), "00-t-s-01");
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->status(), domain::UserStatus::kConfirmed);
  const auto events = harness_.database_.events_of("user.signed_up");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].subject, signed_up->user_id);
  EXPECT_EQ(events[0].data.as_object().at("sub").as_string(), signed_up->user_id);
  EXPECT_EQ(events[0].data.as_object().at("email").as_string(), "ada@hotel.test");
  EXPECT_EQ(harness_.database_.count("confirmation_codes"), 0);
  // The code was used up.
  const auto again = pool().confirm_sign_up("ada@hotel.test", harness_.last_code("ada@hotel.test"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, Kind::kInvalidCode);
}

TEST_F(IdentityUserPoolTest, WrongCodesAreCountedUntilTheCodeDies) {
  sign_up("ada@hotel.test");
  const std::string right = harness_.last_code("ada@hotel.test");
  const std::string wrong = wrong_code("ada@hotel.test");
  for (int i = 0; i < 5; ++i) {
    const auto result = pool().confirm_sign_up("ada@hotel.test", wrong);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, Kind::kInvalidCode);
  }
  const auto dead = pool().confirm_sign_up("ada@hotel.test", right);
  ASSERT_FALSE(dead.ok());
  EXPECT_EQ(dead.error().kind, Kind::kTooManyAttempts);
  // A new code starts over.
  pool().resend_code("ada@hotel.test");
  EXPECT_TRUE(pool().confirm_sign_up("ada@hotel.test", harness_.last_code("ada@hotel.test")).ok());
}

TEST_F(IdentityUserPoolTest, ASignUpCodeExpiresAfter24Hours) {
  sign_up("ada@hotel.test");
  harness_.clock_.advance(hours(24));
  const auto result =
      pool().confirm_sign_up("ada@hotel.test", harness_.last_code("ada@hotel.test"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Kind::kCodeExpired);
}

TEST_F(IdentityUserPoolTest, ConfirmingAnUnknownEmailLooksLikeAWrongCode) {
  const auto result = pool().confirm_sign_up("nobody@hotel.test", "123456");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Kind::kInvalidCode);
}

TEST_F(IdentityUserPoolTest, ResendingSendsANewCodeOnlyToUnconfirmedUsers) {
  sign_up("ada@hotel.test");
  pool().resend_code("ada@hotel.test");
  EXPECT_EQ(harness_.database_.events_of("user.confirmation_requested").size(), 2u);
  harness_.confirmed_user("bob@hotel.test");
  const auto before = harness_.database_.events().size();
  pool().resend_code("bob@hotel.test");
  pool().resend_code("nobody@hotel.test");
  EXPECT_EQ(harness_.database_.events().size(), before);
}

TEST_F(IdentityUserPoolTest, ForgotPasswordForAnUnknownEmailSucceedsSilently) {
  pool().forgot_password("nobody@hotel.test");
  EXPECT_TRUE(harness_.database_.events().empty());
}

TEST_F(IdentityUserPoolTest, ResettingThePasswordWithTheCode) {
  const auto user = harness_.confirmed_user("ada@hotel.test");
  const auto refresh =
      harness_.tokens_.issue_refresh_token(user.id, "hotel-web", "openid", user.created_at);
  pool().forgot_password("ada@hotel.test", "00-t-s-01");
  const auto events = harness_.database_.events_of("user.confirmation_requested");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events.back().data.as_object().at("purpose").as_string(), "reset_password");

  const auto weak = pool().confirm_forgot_password("ada@hotel.test",
                                                   harness_.last_code("ada@hotel.test"), "weak");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().kind, Kind::kWeakPassword);

  ASSERT_TRUE(pool()
                  .confirm_forgot_password("ada@hotel.test", harness_.last_code("ada@hotel.test"),
                                           "New#Password9")
                  .ok());
  EXPECT_TRUE(pool().authenticate("ada@hotel.test", "New#Password9", "10.0.0.1").ok());
  EXPECT_FALSE(pool().authenticate("ada@hotel.test", kPassword, "10.0.0.1").ok());
  // Every session of the old password is over.
  EXPECT_FALSE(harness_.tokens_.rotate_refresh_token(refresh.token, "hotel-web").ok());
}

TEST_F(IdentityUserPoolTest, AResetCodeExpiresAfterAnHour) {
  harness_.confirmed_user("ada@hotel.test");
  pool().forgot_password("ada@hotel.test");
  harness_.clock_.advance(hours(1));
  const auto result = pool().confirm_forgot_password(
      "ada@hotel.test", harness_.last_code("ada@hotel.test"), "New#Password9");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Kind::kCodeExpired);
}

TEST_F(IdentityUserPoolTest, AResetConfirmsAnUnconfirmedUser) {
  sign_up("ada@hotel.test");
  pool().forgot_password("ada@hotel.test");
  ASSERT_TRUE(pool()
                  .confirm_forgot_password("ada@hotel.test", harness_.last_code("ada@hotel.test"),
                                           "New#Password9")
                  .ok());
  EXPECT_EQ(pool().find_user("ada@hotel.test")->status(), domain::UserStatus::kConfirmed);
  EXPECT_EQ(harness_.database_.events_of("user.signed_up").size(), 1u);
}

TEST_F(IdentityUserPoolTest, ASignUpCodeDoesNotResetThePassword) {
  sign_up("ada@hotel.test");
  const auto result = pool().confirm_forgot_password(
      "ada@hotel.test", harness_.last_code("ada@hotel.test"), "New#Password9");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Kind::kInvalidCode);
}

TEST_F(IdentityUserPoolTest, ChangesOwnAttributes) {
  const auto user = harness_.confirmed_user("ada@hotel.test");
  domain::AttributeChanges changes;
  changes.address = "12 Rue de la Paix, Paris";
  changes.phone_number = "+33123456789";
  const auto changed = pool().change_attributes(user.id, changes);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(pool().get_user(user.id)->attributes.address, "12 Rue de la Paix, Paris");
  changes = {};
  changes.given_name = "";
  const auto refused = pool().change_attributes(user.id, changes);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "given_name");
  EXPECT_EQ(pool().get_user(user.id)->attributes.given_name, "Test");
  EXPECT_EQ(pool().change_attributes("no-such-id", {}).error().kind, Kind::kUserNotFound);
}

TEST_F(IdentityUserPoolTest, ChangesOwnPasswordGivenTheCurrentOne) {
  const auto user = harness_.confirmed_user("ada@hotel.test");
  EXPECT_EQ(pool().change_password(user.id, "Wrong#pass1", "New#Password9").error().kind,
            Kind::kWrongPassword);
  EXPECT_EQ(pool().change_password(user.id, kPassword, "weak").error().kind, Kind::kWeakPassword);
  ASSERT_TRUE(pool().change_password(user.id, kPassword, "New#Password9").ok());
  EXPECT_TRUE(pool().authenticate("ada@hotel.test", "New#Password9", "").ok());
}

TEST_F(IdentityUserPoolTest, TheCodeKeyIsCreatedOnceInTheSecretsStore) {
  EXPECT_TRUE(harness_.secrets_.get("identity-code-key").has_value());
  const int puts = harness_.secrets_.puts();
  UserPool again(harness_.database_.store(), harness_.secrets_, harness_.clock_, harness_.options_);
  EXPECT_EQ(harness_.secrets_.puts(), puts);
}

}  // namespace
}  // namespace hotel::identity::application
