#include "services/identity/domain/password_policy.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::domain {
namespace {

using Req = PasswordRequirement;

TEST(IdentityPasswordPolicy, AcceptsAPasswordWithEveryClass) {
  EXPECT_TRUE(check_password({}, "Admin#2026demo").ok());
  EXPECT_TRUE(check_password({}, "Aa1 aaaa").ok());  // a space is a symbol
}

TEST(IdentityPasswordPolicy, NamesEverythingThatIsMissing) {
  const auto result = check_password({}, "abc");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().missing,
            (std::vector<Req>{Req::kMinLength, Req::kUpper, Req::kDigit, Req::kSymbol}));
  EXPECT_EQ(result.error().message,
            "password must have at least 8 characters, an upper-case letter, a digit and a symbol");
}

TEST(IdentityPasswordPolicy, OneMissingClassReadsAsOnePhrase) {
  const auto result = check_password({}, "Password12");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().missing, std::vector<Req>{Req::kSymbol});
  EXPECT_EQ(result.error().message, "password must have a symbol");
}

TEST(IdentityPasswordPolicy, TwoMissingClassesAreJoinedWithAnd) {
  const auto result = check_password({}, "PASSWORD#");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "password must have a lower-case letter and a digit");
}

TEST(IdentityPasswordPolicy, CountsCharactersNotBytes) {
  // Seven characters, eleven bytes: too short.
  const auto result = check_password({}, "Aa1#ééé");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().missing, std::vector<Req>{Req::kMinLength});
}

TEST(IdentityPasswordPolicy, RequirementsAreConfigurable) {
  const PasswordPolicy relaxed{
      .min_length = 4, .require_upper = false, .require_digit = false, .require_symbol = false};
  EXPECT_TRUE(check_password(relaxed, "abcd").ok());
  const auto result = check_password(relaxed, "ABCD");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().missing, std::vector<Req>{Req::kLower});
}

TEST(IdentityPasswordPolicy, RefusesOverlongPasswords) {
  const PasswordPolicy policy{.max_length = 12};
  const auto result = check_password(policy, "Aa1#aaaaaaaaaaaa");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "password must have at most 12 characters");
}

}  // namespace
}  // namespace hotel::identity::domain
