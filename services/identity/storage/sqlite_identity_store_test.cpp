#include "services/identity/storage/sqlite_identity_store.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include <boost/json/parse.hpp>

#include "services/identity/storage/testing/identity_database.hpp"

namespace hotel::identity::storage {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

const domain::TimePoint kNow = domain::TimePoint(milliseconds(1'700'000'000'123));

domain::StoredUser user(const std::string& id, const std::string& email) {
  domain::StoredUser stored;
  stored.user = {.id = id,
                 .email = email,
                 .attributes = {"Ada", "Lovelace", "1 Analytical St", "+441234567"},
                 .confirmed = false,
                 .enabled = true,
                 .groups = {},
                 .created_at = kNow,
                 .updated_at = kNow};
  stored.password_hash = "$argon2id$hash-of-" + id;
  return stored;
}

class IdentityStorageTest : public ::testing::Test {
 protected:
  template <class F>
  auto write(F f) {
    return database_.store().write(f);
  }
  template <class F>
  auto read(F f) {
    return database_.store().read(f);
  }
  void add_users(std::initializer_list<const char*> emails) {
    int n = 0;
    write([&](UnitOfWork& work) {
      for (const char* email : emails) {
        work.users().insert(user("u-" + std::to_string(++n), email));
      }
    });
  }

  testing::IdentityDatabase database_;
};

TEST_F(IdentityStorageTest, UsersRoundTripWithTheirGroups) {
  auto stored = user("u-1", "ada@hotel.test");
  stored.user.groups = {domain::Group::kAdmin, domain::Group::kHotelManager};
  EXPECT_TRUE(write([&](UnitOfWork& work) { return work.users().insert(stored); }));
  const auto found =
      read([](UnitOfWork& work) { return work.users().find_by_email("ada@hotel.test"); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user.id, "u-1");
  EXPECT_EQ(found->user.attributes, stored.user.attributes);
  EXPECT_EQ(found->user.groups, stored.user.groups);
  EXPECT_EQ(found->user.created_at, kNow);
  EXPECT_EQ(found->password_hash, stored.password_hash);
  EXPECT_FALSE(found->user.confirmed);
  EXPECT_TRUE(read([](UnitOfWork& work) { return work.users().find_by_id("u-1"); }).has_value());
  EXPECT_FALSE(read([](UnitOfWork& work) { return work.users().find_by_id("u-2"); }).has_value());
}

TEST_F(IdentityStorageTest, ATakenEmailIsNotInsertedTwice) {
  add_users({"ada@hotel.test"});
  EXPECT_FALSE(write(
      [](UnitOfWork& work) { return work.users().insert(user("u-other", "ada@hotel.test")); }));
  EXPECT_EQ(database_.count("users"), 1);
}

TEST_F(IdentityStorageTest, UpdatesFlagsAttributesGroupsAndPassword) {
  add_users({"ada@hotel.test"});
  write([](UnitOfWork& work) {
    auto stored = *work.users().find_by_id("u-1");
    stored.user.confirmed = true;
    stored.user.enabled = false;
    stored.user.attributes.given_name = "Augusta";
    stored.user.groups = {domain::Group::kHotelManager};
    stored.user.updated_at = kNow + hours(1);
    work.users().update(stored.user);
    work.users().set_password_hash("u-1", "$argon2id$new", kNow + hours(2));
  });
  const auto found = read([](UnitOfWork& work) { return work.users().find_by_id("u-1"); });
  EXPECT_EQ(found->user.status(), domain::UserStatus::kDisabled);
  EXPECT_TRUE(found->user.confirmed);
  EXPECT_EQ(found->user.attributes.given_name, "Augusta");
  EXPECT_EQ(found->user.groups, std::vector<domain::Group>{domain::Group::kHotelManager});
  EXPECT_EQ(found->password_hash, "$argon2id$new");
  EXPECT_EQ(found->user.updated_at, kNow + hours(2));
}

TEST_F(IdentityStorageTest, ListsUsersInPagesByEmail) {
  add_users({"c@hotel.test", "a@hotel.test", "d@hotel.test", "b@hotel.test", "e@hotel.test"});
  const auto first = read([](UnitOfWork& work) { return work.users().list({.limit = 2}); });
  ASSERT_EQ(first.users.size(), 2u);
  EXPECT_EQ(first.users[0].email, "a@hotel.test");
  EXPECT_EQ(first.next_cursor, "b@hotel.test");
  const auto last = read(
      [&](UnitOfWork& work) { return work.users().list({.limit = 3, .after = "c@hotel.test"}); });
  ASSERT_EQ(last.users.size(), 2u);
  EXPECT_EQ(last.users[1].email, "e@hotel.test");
  EXPECT_EQ(last.next_cursor, "");
  const auto exact = read([](UnitOfWork& work) { return work.users().list({.limit = 5}); });
  EXPECT_EQ(exact.users.size(), 5u);
  EXPECT_EQ(exact.next_cursor, "");
}

TEST_F(IdentityStorageTest, ListsOnlyMembersOfAGroup) {
  add_users({"a@hotel.test", "b@hotel.test", "c@hotel.test"});
  write([](UnitOfWork& work) {
    auto b = work.users().find_by_email("b@hotel.test")->user;
    b.groups = {domain::Group::kHotelManager};
    work.users().update(b);
  });
  const auto page = read([](UnitOfWork& work) {
    return work.users().list({.limit = 10, .group = domain::Group::kHotelManager});
  });
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_EQ(page.users[0].email, "b@hotel.test");
}

TEST_F(IdentityStorageTest, OneCodePerUserAndPurposeWithAttempts) {
  add_users({"a@hotel.test"});
  using domain::CodePurpose;
  write([](UnitOfWork& work) {
    work.users().put_code("u-1", CodePurpose::kSignUp, {"h1", kNow + hours(24), 0});
    work.users().put_code("u-1", CodePurpose::kResetPassword, {"r1", kNow + hours(1), 0});
    work.users().count_code_attempt("u-1", CodePurpose::kSignUp);
    work.users().count_code_attempt("u-1", CodePurpose::kSignUp);
  });
  auto code =
      read([](UnitOfWork& work) { return work.users().find_code("u-1", CodePurpose::kSignUp); });
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->hash, "h1");
  EXPECT_EQ(code->attempts, 2);
  EXPECT_EQ(code->expires_at, kNow + hours(24));
  write([](UnitOfWork& work) {
    work.users().put_code("u-1", CodePurpose::kSignUp, {"h2", kNow + hours(48), 0});
  });
  code = read([](UnitOfWork& work) { return work.users().find_code("u-1", CodePurpose::kSignUp); });
  EXPECT_EQ(code->hash, "h2");
  EXPECT_EQ(code->attempts, 0);
  EXPECT_EQ(
      write([](UnitOfWork& work) { return work.users().purge_expired_codes(kNow + hours(2)); }), 1);
  write([](UnitOfWork& work) { work.users().delete_code("u-1", CodePurpose::kSignUp); });
  EXPECT_EQ(database_.count("confirmation_codes"), 0);
}

TEST_F(IdentityStorageTest, AttemptLogsRoundTripAndEmptyOnesVanish) {
  const domain::ThrottleRule rule;
  domain::AttemptLog log;
  log.record(rule, kNow);
  log.record(rule, kNow + milliseconds(5));
  write([&](UnitOfWork& work) { work.throttle().save("account:a@hotel.test", log); });
  const auto loaded =
      read([](UnitOfWork& work) { return work.throttle().load("account:a@hotel.test"); });
  EXPECT_EQ(loaded.attempts(), log.attempts());
  EXPECT_TRUE(
      read([](UnitOfWork& work) { return work.throttle().load("address:1.2.3.4"); }).empty());
  EXPECT_EQ(write([](UnitOfWork& work) { return work.throttle().purge(kNow); }), 0);
  EXPECT_EQ(write([](UnitOfWork& work) { return work.throttle().purge(kNow + hours(1)); }), 1);
  write([&](UnitOfWork& work) { work.throttle().save("k", log); });
  write([&](UnitOfWork& work) { work.throttle().save("k", domain::AttemptLog{}); });
  EXPECT_EQ(database_.count("sign_in_attempts"), 0);
}

domain::RefreshToken refresh(const std::string& hash, const std::string& family,
                             const std::string& origin = "") {
  return {.hash = hash,
          .family_id = family,
          .user_id = "u-1",
          .client_id = "hotel-web",
          .scope = "openid",
          .origin_code_hash = origin,
          .auth_time = kNow,
          .issued_at = kNow,
          .expires_at = kNow + hours(24)};
}

TEST_F(IdentityStorageTest, RefreshTokensRotateAndRevokeByFamilyUserAndCode) {
  add_users({"a@hotel.test"});
  write([](UnitOfWork& work) {
    work.tokens().insert_refresh_token(refresh("t1", "f1", "code-1"));
    work.tokens().insert_refresh_token(refresh("t2", "f1", "code-1"));
    work.tokens().insert_refresh_token(refresh("t3", "f2"));
    work.tokens().insert_refresh_token(refresh("t4", "f3"));
    work.tokens().mark_rotated("t1", kNow + hours(1));
  });
  auto t1 = read([](UnitOfWork& work) { return work.tokens().find_refresh_token("t1"); });
  ASSERT_TRUE(t1.has_value());
  EXPECT_EQ(t1->rotated_at, kNow + hours(1));
  EXPECT_EQ(t1->revoked_at, std::nullopt);
  EXPECT_EQ(t1->origin_code_hash, "code-1");
  EXPECT_EQ(write([](UnitOfWork& work) { return work.tokens().revoke_from_code("code-1", kNow); }),
            2);
  EXPECT_EQ(write([](UnitOfWork& work) { return work.tokens().revoke_from_code("", kNow); }), 0);
  EXPECT_EQ(write([](UnitOfWork& work) { return work.tokens().revoke_family("f2", kNow); }), 1);
  EXPECT_EQ(write([](UnitOfWork& work) { return work.tokens().revoke_user("u-1", kNow); }), 1);
  EXPECT_TRUE(
      read([](UnitOfWork& work) { return work.tokens().find_refresh_token("t4"); })->revoked_at);
  EXPECT_EQ(
      write([](UnitOfWork& work) { return work.tokens().purge_expired(kNow + hours(25), kNow); }),
      4);
}

TEST_F(IdentityStorageTest, AuthorizationCodesRoundTripAndRedeemOnce) {
  add_users({"a@hotel.test"});
  const domain::AuthorizationCode code{.hash = "c1",
                                       .grant = {.client_id = "hotel-web",
                                                 .redirect_uri = "http://localhost:8080/hotel/",
                                                 .code_challenge = "challenge",
                                                 .challenge_method = domain::ChallengeMethod::kS256,
                                                 .nonce = "n",
                                                 .scope = "openid email",
                                                 .user_id = "u-1",
                                                 .auth_time = kNow},
                                       .issued_at = kNow,
                                       .expires_at = kNow + std::chrono::minutes(5)};
  write([&](UnitOfWork& work) { work.tokens().insert_authorization_code(code); });
  write([](UnitOfWork& work) { work.tokens().mark_redeemed("c1", kNow + hours(1)); });
  write([](UnitOfWork& work) { work.tokens().mark_redeemed("c1", kNow + hours(2)); });
  const auto found =
      read([](UnitOfWork& work) { return work.tokens().find_authorization_code("c1"); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->grant.challenge_method, domain::ChallengeMethod::kS256);
  EXPECT_EQ(found->grant.redirect_uri, code.grant.redirect_uri);
  EXPECT_EQ(found->grant.scope, "openid email");
  EXPECT_EQ(found->redeemed_at, kNow + hours(1));
}

TEST_F(IdentityStorageTest, ClientsAndKeysRoundTrip) {
  const domain::OAuthClient client{
      .client_id = "hotel-web",
      .name = "Web",
      .secret_hash = "",
      .redirect_uris = {"http://a/", "http://b/"},
      .grants = {domain::GrantType::kAuthorizationCode, domain::GrantType::kImplicit},
      .scopes = {"openid", "email"}};
  write([&](UnitOfWork& work) {
    work.clients().upsert(client);
    work.keys().insert({"k1", kNow, std::nullopt});
    work.keys().insert({"k2", kNow + hours(1), std::nullopt});
    work.keys().retire("k1", kNow + hours(1));
  });
  const auto found = read([](UnitOfWork& work) { return work.clients().find("hotel-web"); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->redirect_uris, client.redirect_uris);
  EXPECT_EQ(found->grants, client.grants);
  EXPECT_EQ(found->scopes, client.scopes);
  EXPECT_EQ(read([](UnitOfWork& work) { return work.clients().list(); }).size(), 1u);
  const auto keys = read([](UnitOfWork& work) { return work.keys().list(); });
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].retired_at, kNow + hours(1));
  write([](UnitOfWork& work) { work.keys().remove("k1"); });
  EXPECT_EQ(database_.count("signing_keys"), 1);
}

TEST_F(IdentityStorageTest, EventsCommitWithTheStateOrNotAtAll) {
  write([](UnitOfWork& work) {
    work.users().insert(user("u-1", "a@hotel.test"));
    work.publish({"user.signed_up", "u-1", boost::json::parse(R"({"email":"a@hotel.test"})"), ""});
  });
  EXPECT_EQ(database_.events_of("user.signed_up").size(), 1u);
  EXPECT_THROW(write([](UnitOfWork& work) {
                 work.users().insert(user("u-2", "b@hotel.test"));
                 work.publish({"user.signed_up", "u-2", boost::json::object{}, ""});
                 throw std::runtime_error("refused");
               }),
               std::runtime_error);
  EXPECT_EQ(database_.count("users"), 1);
  EXPECT_EQ(database_.events().size(), 1u);
}

TEST_F(IdentityStorageTest, PublishingInsideAReadIsRefused) {
  EXPECT_THROW(read([](UnitOfWork& work) { work.publish({"x", "y", {}, ""}); }), std::logic_error);
}

}  // namespace
}  // namespace hotel::identity::storage
