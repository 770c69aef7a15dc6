#include "services/identity/storage/migrations.hpp"

#include <gtest/gtest.h>

#include "chassis/events/outbox.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::identity::storage {
namespace {

TEST(IdentityMigrations, ApplyToAFreshDatabaseAndAgainToNothing) {
  store::testing::TempDir dir;
  store::Database db({.path = dir.file("identity.db"), .readers = 1});
  EXPECT_EQ(store::apply_migrations(db, migrations()), static_cast<int>(migrations().size()));
  EXPECT_EQ(store::apply_migrations(db, migrations()), 0);
  EXPECT_EQ(store::schema_version(db), migrations().back().version);
}

TEST(IdentityMigrations, UpgradeADatabaseThatHadOnlyTheOutbox) {
  store::testing::TempDir dir;
  store::Database db({.path = dir.file("identity.db"), .readers = 1});
  const store::Migration feed_only[] = {events::outbox_migration(1)};
  store::apply_migrations(db, feed_only);
  EXPECT_EQ(store::apply_migrations(db, migrations()), static_cast<int>(migrations().size()) - 1);
  const int tables = db.read([](SQLite::Database& conn) {
    return conn
        .execAndGet(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
            " ('users', 'user_groups', 'confirmation_codes', 'sign_in_attempts',"
            " 'refresh_tokens', 'authorization_codes', 'oauth_clients', 'signing_keys', "
            "'hosted_sessions',"
            " 'hosted_session_codes')")
        .getInt();
  });
  EXPECT_EQ(tables, 10);
}

}  // namespace
}  // namespace hotel::identity::storage
