#include <gtest/gtest.h>

#include "services/identity/application/testing/identity_harness.hpp"
#include "services/identity/application/user_pool.hpp"

namespace hotel::identity::application {
namespace {

using domain::Group;
using testing::kPassword;
using Kind = UserPoolError::Kind;

class IdentityUserAdminTest : public ::testing::Test {
 protected:
  PoolResult<domain::User> create(const std::string& email, std::optional<Group> group = {},
                                  bool confirmed = true) {
    return pool().admin_create_user({.email = email,
                                     .password = kPassword,
                                     .attributes = {"Max", "Manager", "", ""},
                                     .group = group,
                                     .confirmed = confirmed,
                                     .traceparent = "00-t-s-01"});
  }
  UserPool& pool() { return harness_.pool_; }

  testing::IdentityHarness harness_;
};

TEST_F(IdentityUserAdminTest, CreatesAConfirmedUserInAGroupAndPublishesSignedUp) {
  const auto created = create("Manager@hotel.test", Group::kHotelManager);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->email, "manager@hotel.test");
  EXPECT_EQ(created->status(), domain::UserStatus::kConfirmed);
  EXPECT_EQ(created->groups, std::vector<Group>{Group::kHotelManager});
  const auto events = harness_.database_.events_of("user.signed_up");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data.as_object().at("groups").as_array().at(0).as_string(), "HotelManager");
  EXPECT_TRUE(pool().authenticate("manager@hotel.test", kPassword, "").ok());
}

TEST_F(IdentityUserAdminTest, AnUnconfirmedUserGetsASignUpCode) {
  ASSERT_TRUE(create("new@hotel.test", std::nullopt, false).ok());
  EXPECT_TRUE(harness_.database_.events_of("user.signed_up").empty());
  EXPECT_TRUE(pool().confirm_sign_up("new@hotel.test", harness_.last_code("new@hotel.test")).ok());
}

TEST_F(IdentityUserAdminTest, CreationIsValidatedLikeASignUp) {
  ASSERT_TRUE(create("a@hotel.test").ok());
  EXPECT_EQ(create("a@hotel.test").error().kind, Kind::kEmailTaken);
  EXPECT_EQ(create("bad").error().field, "email");
  const auto weak = pool().admin_create_user(
      {.email = "b@hotel.test", .password = "short", .attributes = {"B", "B", "", ""}});
  EXPECT_EQ(weak.error().kind, Kind::kWeakPassword);
}

TEST_F(IdentityUserAdminTest, ListsUsersInPages) {
  for (const char* email : {"c@hotel.test", "a@hotel.test", "b@hotel.test"}) create(email);
  create("m@hotel.test", Group::kHotelManager);
  auto page = pool().list_users({.limit = 2});
  ASSERT_EQ(page.users.size(), 2u);
  EXPECT_EQ(page.users[0].email, "a@hotel.test");
  page = pool().list_users({.limit = 2, .after = page.next_cursor});
  ASSERT_EQ(page.users.size(), 2u);
  EXPECT_EQ(page.users[1].email, "m@hotel.test");
  EXPECT_EQ(page.next_cursor, "");
  page = pool().list_users({.limit = 10, .group = Group::kHotelManager});
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_EQ(page.users[0].email, "m@hotel.test");
}

TEST_F(IdentityUserAdminTest, DisablingRevokesRefreshTokensAndEnablingRestoresSignIn) {
  const auto user = create("a@hotel.test").value();
  const auto refresh =
      harness_.tokens_.issue_refresh_token(user.id, "hotel-web", "openid", user.created_at);
  const auto disabled = pool().set_enabled(user.id, false);
  ASSERT_TRUE(disabled.ok());
  EXPECT_EQ(disabled->status(), domain::UserStatus::kDisabled);
  const auto rotated = harness_.tokens_.rotate_refresh_token(refresh.token, "hotel-web");
  ASSERT_FALSE(rotated.ok());
  EXPECT_EQ(rotated.error(), domain::RefreshRejection::kRevoked);
  EXPECT_EQ(pool().set_enabled(user.id, true)->status(), domain::UserStatus::kConfirmed);
  EXPECT_TRUE(pool().authenticate("a@hotel.test", kPassword, "").ok());
  EXPECT_EQ(pool().set_enabled("no-such-id", true).error().kind, Kind::kUserNotFound);
}

TEST_F(IdentityUserAdminTest, AddsAndRemovesGroups) {
  const auto user = create("a@hotel.test").value();
  EXPECT_EQ(pool().add_to_group(user.id, Group::kAdmin)->groups, std::vector<Group>{Group::kAdmin});
  EXPECT_EQ(pool().add_to_group(user.id, Group::kHotelManager)->groups,
            (std::vector<Group>{Group::kAdmin, Group::kHotelManager}));
  EXPECT_EQ(pool().remove_from_group(user.id, Group::kAdmin)->groups,
            std::vector<Group>{Group::kHotelManager});
  EXPECT_EQ(pool().get_user(user.id)->groups, std::vector<Group>{Group::kHotelManager});
  EXPECT_EQ(pool().add_to_group("no-such-id", Group::kAdmin).error().kind, Kind::kUserNotFound);
}

TEST_F(IdentityUserAdminTest, SeedsTheDemoUsersOnceWithTheirDocumentedPasswords) {
  EXPECT_EQ(pool().seed_demo_users(), 4);
  EXPECT_EQ(pool().seed_demo_users(), 0);
  for (const auto& demo : demo_users()) {
    const auto signed_in = pool().authenticate(demo.email, demo.password, "");
    ASSERT_TRUE(signed_in.ok()) << demo.email;
    EXPECT_EQ(signed_in->user.groups.empty(), !demo.group.has_value()) << demo.email;
  }
  EXPECT_TRUE(pool().find_user("admin@hotel.test")->in_group(Group::kAdmin));
  EXPECT_TRUE(pool().find_user("manager2@hotel.test")->in_group(Group::kHotelManager));
  EXPECT_TRUE(pool().authenticate("admin@hotel.test", "Admin#2026demo", "").ok());
}

}  // namespace
}  // namespace hotel::identity::application
