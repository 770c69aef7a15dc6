#include "services/identity/domain/hosted_sessions.hpp"

#include <gtest/gtest.h>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

using namespace std::chrono_literals;

TEST(IdentityHostedSessions, TokenIsRandomAndStoredOnlyAsItsHash) {
  const TimePoint now{1'700'000'000s};
  const auto a = start_session({}, "user-1", now - 5s, now);
  const auto b = start_session({}, "user-1", now - 5s, now);
  EXPECT_NE(a.token, b.token);
  EXPECT_EQ(a.token.size(), 43u);
  EXPECT_EQ(a.record.hash, sha256_hex(a.token));
  EXPECT_EQ(a.record.user_id, "user-1");
  EXPECT_EQ(a.record.auth_time, now - 5s);
  EXPECT_EQ(a.record.expires_at, now + 1h);
}

TEST(IdentityHostedSessions, LiveUntilItsAbsoluteExpiry) {
  const TimePoint now{1'700'000'000s};
  const auto issued = start_session({.lifetime = 10min}, "u", now, now);
  EXPECT_TRUE(is_live(issued.record, now + 9min));
  EXPECT_FALSE(is_live(issued.record, now + 10min));
}

}  // namespace
}  // namespace hotel::identity::domain
