// The verifier's JWKS handling: rate-limited refetch on an unknown kid, shared fetches, key
// rotation, an unreachable issuer.
#include <gtest/gtest.h>

#include <future>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "chassis/auth/testing/verifier_harness.hpp"

namespace hotel::auth {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::issuer_key;
using testing::kKid;
using testing::kRotatedKid;
using testing::rotated_key;

class VerifierKeysTest : public ::testing::Test {
 protected:
  std::string token(const RsaPrivateKey& key, std::string_view kid) {
    return harness_.tokens.sign(harness_.tokens.access_claims("user-" + std::to_string(++users_)),
                                key, kid);
  }
  std::optional<AuthReason> rejection(const std::string& token) {
    return harness_.rejection(*verifier_, token);
  }
  std::size_t fetches() const { return harness_.source->fetches(); }

  testing::VerifierHarness harness_;
  std::unique_ptr<Verifier> verifier_ = harness_.make(harness_.options());
  int users_ = 0;
};

TEST_F(VerifierKeysTest, FetchesOnFirstUseOnly) {
  EXPECT_EQ(fetches(), 0u);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  EXPECT_EQ(fetches(), 1u);
}

TEST_F(VerifierKeysTest, UnknownKidRefetchesAtMostOncePerInterval) {
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  harness_.clock.advance(seconds(31));
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(rejection(token(issuer_key(), "unknown-" + std::to_string(i))),
              AuthReason::kUnknownKey);
  }
  EXPECT_EQ(fetches(), 2u);
  harness_.clock.advance(seconds(29));
  EXPECT_EQ(rejection(token(issuer_key(), "unknown")), AuthReason::kUnknownKey);
  EXPECT_EQ(fetches(), 2u);
  harness_.clock.advance(seconds(1));
  EXPECT_EQ(rejection(token(issuer_key(), "unknown")), AuthReason::kUnknownKey);
  EXPECT_EQ(fetches(), 3u);
}

TEST_F(VerifierKeysTest, ConcurrentVerificationsShareOneFetch) {
  harness_.source->set_delay(milliseconds(200));
  std::vector<std::future<std::shared_ptr<const Principal>>> results;
  results.reserve(20);
  for (int i = 0; i < 20; ++i) {
    results.push_back(boost::asio::co_spawn(harness_.runtime().io(),
                                            verifier_->verify(token(issuer_key(), kKid)),
                                            boost::asio::use_future));
  }
  for (auto& result : results) EXPECT_NE(result.get(), nullptr);
  EXPECT_EQ(fetches(), 1u);
}

TEST_F(VerifierKeysTest, RotationNewKidAcceptedAfterRefetchOldKidWhileListed) {
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  // The issuer publishes its next key, then starts signing with it.
  harness_.source->set(testing::jwks_of({{kKid, &issuer_key()}, {kRotatedKid, &rotated_key()}}));
  EXPECT_EQ(rejection(token(rotated_key(), kRotatedKid)), AuthReason::kUnknownKey);  // too soon
  harness_.clock.advance(seconds(30));
  EXPECT_EQ(rejection(token(rotated_key(), kRotatedKid)), std::nullopt);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);  // still listed
  EXPECT_EQ(fetches(), 2u);
  // The old key is retired; the next refetch drops it.
  harness_.source->set(testing::jwks_of({{kRotatedKid, &rotated_key()}}));
  harness_.clock.advance(seconds(30));
  EXPECT_EQ(rejection(token(rotated_key(), "key-3")), AuthReason::kUnknownKey);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), AuthReason::kUnknownKey);
  EXPECT_EQ(rejection(token(rotated_key(), kRotatedKid)), std::nullopt);
}

TEST_F(VerifierKeysTest, UnreachableIssuerIsRetriedAfterAShortPause) {
  harness_.source->set_failing(true);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), AuthReason::kKeysUnavailable);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), AuthReason::kKeysUnavailable);
  EXPECT_EQ(fetches(), 1u);
  harness_.source->set_failing(false);
  harness_.clock.advance(seconds(1));
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  EXPECT_EQ(fetches(), 2u);
}

TEST_F(VerifierKeysTest, KeysStayWhenARefetchFails) {
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  harness_.source->set_failing(true);
  harness_.clock.advance(seconds(30));
  EXPECT_EQ(rejection(token(rotated_key(), kRotatedKid)), AuthReason::kKeysUnavailable);
  EXPECT_EQ(rejection(token(issuer_key(), kKid)), std::nullopt);
  EXPECT_EQ(fetches(), 2u);
}

}  // namespace
}  // namespace hotel::auth
