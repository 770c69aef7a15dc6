#include "services/identity/domain/codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hotel::identity::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const std::string kKey(32, 'k');
const TimePoint kNow = TimePoint(std::chrono::seconds(1'700'000'000));

TEST(IdentityCodes, CodesAreSixDigits) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string code = random_code();
    ASSERT_EQ(code.size(), 6u);
    EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos);
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 90u);
}

TEST(IdentityCodes, StoresOnlyAHashBoundToUserAndPurpose) {
  const auto issued = issue_code({}, kKey, "u-1", CodePurpose::kSignUp, kNow);
  EXPECT_EQ(issued.stored.hash.find(issued.code), std::string::npos);
  EXPECT_NE(issued.stored.hash, hash_code(kKey, "u-2", CodePurpose::kSignUp, issued.code));
  EXPECT_NE(issued.stored.hash, hash_code(kKey, "u-1", CodePurpose::kResetPassword, issued.code));
  EXPECT_EQ(issued.stored.attempts, 0);
}

TEST(IdentityCodes, ExpiryDependsOnThePurpose) {
  EXPECT_EQ(issue_code({}, kKey, "u", CodePurpose::kSignUp, kNow).stored.expires_at,
            kNow + hours(24));
  EXPECT_EQ(issue_code({}, kKey, "u", CodePurpose::kResetPassword, kNow).stored.expires_at,
            kNow + hours(1));
}

TEST(IdentityCodes, TheRightCodeChecksAndAWrongOneDoesNot) {
  const CodeRules rules;
  const auto issued = issue_code(rules, kKey, "u", CodePurpose::kSignUp, kNow);
  EXPECT_TRUE(
      check_code(rules, issued.stored, kKey, "u", CodePurpose::kSignUp, issued.code, kNow).ok());
  const std::string wrong = issued.code == "000000" ? "000001" : "000000";
  const auto result =
      check_code(rules, issued.stored, kKey, "u", CodePurpose::kSignUp, wrong, kNow);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(), CodeFailure::kMismatch);
  EXPECT_FALSE(
      check_code(rules, issued.stored, kKey, "u", CodePurpose::kResetPassword, issued.code, kNow)
          .ok());
}

TEST(IdentityCodes, AnExpiredCodeFailsEvenWhenRight) {
  const CodeRules rules;
  const auto issued = issue_code(rules, kKey, "u", CodePurpose::kResetPassword, kNow);
  const auto at_expiry = kNow + hours(1);
  const auto result = check_code(rules, issued.stored, kKey, "u", CodePurpose::kResetPassword,
                                 issued.code, at_expiry);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(), CodeFailure::kExpired);
  EXPECT_TRUE(check_code(rules, issued.stored, kKey, "u", CodePurpose::kResetPassword, issued.code,
                         at_expiry - minutes(1))
                  .ok());
}

TEST(IdentityCodes, ACodeOutOfAttemptsFailsEvenWhenRight) {
  const CodeRules rules;
  auto issued = issue_code(rules, kKey, "u", CodePurpose::kSignUp, kNow);
  issued.stored.attempts = 4;
  EXPECT_TRUE(
      check_code(rules, issued.stored, kKey, "u", CodePurpose::kSignUp, issued.code, kNow).ok());
  issued.stored.attempts = 5;
  const auto result =
      check_code(rules, issued.stored, kKey, "u", CodePurpose::kSignUp, issued.code, kNow);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(), CodeFailure::kTooManyAttempts);
}

TEST(IdentityCodes, PurposeNamesMatchTheEventContract) {
  EXPECT_EQ(to_string(CodePurpose::kSignUp), "sign_up");
  EXPECT_EQ(to_string(CodePurpose::kResetPassword), "reset_password");
}

}  // namespace
}  // namespace hotel::identity::domain
