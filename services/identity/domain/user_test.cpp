#include "services/identity/domain/user.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::domain {
namespace {

UserAttributes valid_attributes() {
  return {.given_name = "Ada", .family_name = "Lovelace", .address = "", .phone_number = ""};
}

std::string field_of(const Validation& result) { return result.ok() ? "" : result.error().field; }

TEST(IdentityUser, NormalizesEmailsToTrimmedLowerCase) {
  EXPECT_EQ(normalize_email("  Ada.Lovelace@Example.COM \n"), "ada.lovelace@example.com");
  EXPECT_EQ(normalize_email("   "), "");
}

TEST(IdentityUser, AcceptsOrdinaryAddresses) {
  for (const char* email :
       {"admin@hotel.test", "a.b+tag@mail.example.co.uk", "x_y-z@a-b.io", "o'brien@example.ie"}) {
    EXPECT_TRUE(validate_email(email).ok()) << email;
  }
}

TEST(IdentityUser, RefusesMalformedAddresses) {
  for (const char* email : {"", "plain", "@hotel.test", "a@", "a@localhost", "a@-bad.test",
                            "a@bad-.test", "a..b@x.test", ".a@x.test", "a.@x.test", "a b@x.test",
                            "a@x..test", "a@[127.0.0.1]", "\"q\"@x.test"}) {
    EXPECT_FALSE(validate_email(email).ok()) << email;
  }
  EXPECT_EQ(validate_email("plain").error().field, "email");
  EXPECT_EQ(validate_email("").error().why, "is required");
}

TEST(IdentityUser, RefusesOverlongAddressParts) {
  EXPECT_FALSE(validate_email(std::string(65, 'a') + "@x.test").ok());
  EXPECT_TRUE(validate_email(std::string(64, 'a') + "@x.test").ok());
  EXPECT_FALSE(validate_email("a@" + std::string(64, 'b') + ".test").ok());
  std::string long_domain;
  for (int i = 0; i < 5; ++i) long_domain += std::string(60, 'c') + ".";
  EXPECT_FALSE(validate_email("a@" + long_domain + "test").ok());
}

TEST(IdentityUser, PhoneNumbersFollowE164) {
  EXPECT_TRUE(is_e164("+14155550123"));
  EXPECT_TRUE(is_e164("+44"));
  EXPECT_FALSE(is_e164("14155550123"));
  EXPECT_FALSE(is_e164("+04155550123"));
  EXPECT_FALSE(is_e164("+1 415 555 0123"));
  EXPECT_FALSE(is_e164("+1234567890123456"));  // 16 digits
  EXPECT_FALSE(is_e164("+"));
}

TEST(IdentityUser, AttributesNameTheFieldAtFault) {
  EXPECT_TRUE(validate_attributes(valid_attributes()).ok());
  auto attributes = valid_attributes();
  attributes.given_name = "";
  EXPECT_EQ(field_of(validate_attributes(attributes)), "given_name");
  attributes = valid_attributes();
  attributes.family_name = std::string(101, 'x');
  EXPECT_EQ(field_of(validate_attributes(attributes)), "family_name");
  attributes = valid_attributes();
  attributes.address = "line\x01";
  EXPECT_EQ(field_of(validate_attributes(attributes)), "address");
  attributes = valid_attributes();
  attributes.phone_number = "0123";
  EXPECT_EQ(field_of(validate_attributes(attributes)), "phone_number");
  attributes = valid_attributes();
  attributes.given_name = "\xff\xfe";
  EXPECT_EQ(validate_attributes(attributes).error().why, "is not valid UTF-8");
}

TEST(IdentityUser, NameLimitsCountCharacters) {
  auto attributes = valid_attributes();
  std::string hundred_accented;
  for (int i = 0; i < 100; ++i) hundred_accented += "é";
  attributes.given_name = hundred_accented;
  EXPECT_TRUE(validate_attributes(attributes).ok());
}

TEST(IdentityUser, StatusPutsDisabledFirst) {
  User user;
  EXPECT_EQ(user.status(), UserStatus::kUnconfirmed);
  user.confirmed = true;
  EXPECT_EQ(user.status(), UserStatus::kConfirmed);
  user.enabled = false;
  EXPECT_EQ(user.status(), UserStatus::kDisabled);
  EXPECT_EQ(to_string(user.status()), "DISABLED");
}

TEST(IdentityUser, GroupsStaySortedAndUnique) {
  std::vector<Group> groups;
  EXPECT_TRUE(add_group(groups, Group::kHotelManager));
  EXPECT_TRUE(add_group(groups, Group::kAdmin));
  EXPECT_FALSE(add_group(groups, Group::kAdmin));
  EXPECT_EQ(groups, (std::vector<Group>{Group::kAdmin, Group::kHotelManager}));
  EXPECT_TRUE(remove_group(groups, Group::kAdmin));
  EXPECT_FALSE(remove_group(groups, Group::kAdmin));
  EXPECT_EQ(groups, std::vector<Group>{Group::kHotelManager});
}

TEST(IdentityUser, GroupNamesRoundTrip) {
  EXPECT_EQ(parse_group(to_string(Group::kAdmin)), Group::kAdmin);
  EXPECT_EQ(parse_group(to_string(Group::kHotelManager)), Group::kHotelManager);
  EXPECT_EQ(parse_group("admin"), std::nullopt);
}

TEST(IdentityUser, AttributeChangesTouchOnlyWhatIsGiven) {
  AttributeChanges changes;
  changes.phone_number = "+3312345678";
  const auto changed = apply_changes(valid_attributes(), changes);
  EXPECT_EQ(changed.given_name, "Ada");
  EXPECT_EQ(changed.phone_number, "+3312345678");
}

}  // namespace
}  // namespace hotel::identity::domain
