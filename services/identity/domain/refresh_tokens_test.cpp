#include "services/identity/domain/refresh_tokens.hpp"

#include <gtest/gtest.h>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

using std::chrono::hours;

const TimePoint kNow = TimePoint(std::chrono::seconds(1'700'000'000));

IssuedRefreshToken family() {
  return start_family({}, {"u-1", "hotel-web", "openid email", kNow, "code-hash"}, kNow);
}

RefreshRejection rejection(const RefreshToken& token, std::string_view client, TimePoint now) {
  const auto result = check_refresh(token, client, now);
  EXPECT_FALSE(result.ok());
  return result.ok() ? RefreshRejection::kUnknown : result.error();
}

TEST(IdentityRefreshTokens, StoresOnlyTheSha256OfARandomToken) {
  const auto issued = family();
  EXPECT_EQ(issued.token.size(), 43u);
  EXPECT_EQ(issued.record.hash, sha256_hex(issued.token));
  EXPECT_EQ(issued.record.expires_at, kNow + hours(24 * 30));
  EXPECT_EQ(issued.record.origin_code_hash, "code-hash");
  EXPECT_NE(family().record.family_id, issued.record.family_id);
}

TEST(IdentityRefreshTokens, ASuccessorStaysInTheFamilyAndKeepsItsExpiry) {
  const auto first = family();
  const auto later = kNow + hours(48);
  const auto next = successor(first.record, later);
  EXPECT_NE(next.token, first.token);
  EXPECT_EQ(next.record.family_id, first.record.family_id);
  EXPECT_EQ(next.record.expires_at, first.record.expires_at);
  EXPECT_EQ(next.record.issued_at, later);
  EXPECT_EQ(next.record.auth_time, kNow);
}

TEST(IdentityRefreshTokens, AFreshTokenChecksForItsOwnClient) {
  const auto issued = family();
  EXPECT_TRUE(check_refresh(issued.record, "hotel-web", kNow + hours(1)).ok());
  EXPECT_EQ(rejection(issued.record, "other-client", kNow), RefreshRejection::kWrongClient);
}

TEST(IdentityRefreshTokens, RotatedRevokedAndExpiredTokensAreRefused) {
  auto token = family().record;
  EXPECT_EQ(rejection(token, "hotel-web", token.expires_at), RefreshRejection::kExpired);
  token.rotated_at = kNow;
  EXPECT_EQ(rejection(token, "hotel-web", kNow), RefreshRejection::kReused);
  token.revoked_at = kNow;
  EXPECT_EQ(rejection(token, "hotel-web", kNow), RefreshRejection::kRevoked);
}

}  // namespace
}  // namespace hotel::identity::domain
