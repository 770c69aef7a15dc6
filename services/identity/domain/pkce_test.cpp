#include "services/identity/domain/pkce.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::domain {
namespace {

// RFC 7636 appendix B.
constexpr std::string_view kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr std::string_view kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

TEST(IdentityPkce, S256MatchesTheRfcExample) {
  EXPECT_EQ(s256_challenge(kVerifier), kChallenge);
  EXPECT_TRUE(verify_pkce(ChallengeMethod::kS256, kChallenge, kVerifier));
}

TEST(IdentityPkce, AWrongVerifierFails) {
  std::string wrong(kVerifier);
  wrong.back() = 'j';
  EXPECT_FALSE(verify_pkce(ChallengeMethod::kS256, kChallenge, wrong));
  EXPECT_FALSE(verify_pkce(ChallengeMethod::kS256, kChallenge, ""));
  EXPECT_FALSE(verify_pkce(ChallengeMethod::kNone, "", kVerifier));
}

TEST(IdentityPkce, PlainComparesTheVerifierItself) {
  EXPECT_TRUE(verify_pkce(ChallengeMethod::kPlain, kVerifier, kVerifier));
  EXPECT_FALSE(verify_pkce(ChallengeMethod::kPlain, kChallenge, kVerifier));
}

TEST(IdentityPkce, VerifiersAre43To128UnreservedCharacters) {
  EXPECT_TRUE(is_valid_verifier(std::string(43, 'a')));
  EXPECT_TRUE(is_valid_verifier(std::string(128, '~')));
  EXPECT_TRUE(is_valid_verifier("abc-._~ABC0123456789abcdefghijklmnopqrstuvwx"));
  EXPECT_FALSE(is_valid_verifier(std::string(42, 'a')));
  EXPECT_FALSE(is_valid_verifier(std::string(129, 'a')));
  EXPECT_FALSE(is_valid_verifier(std::string(42, 'a') + "+"));
  EXPECT_FALSE(is_valid_verifier(std::string(42, 'a') + "="));
  // A too-short verifier fails even when its challenge matches.
  const std::string short_verifier(20, 'a');
  EXPECT_FALSE(verify_pkce(ChallengeMethod::kS256, s256_challenge(short_verifier), short_verifier));
}

TEST(IdentityPkce, ChallengeShapeDependsOnTheMethod) {
  EXPECT_TRUE(is_valid_challenge(ChallengeMethod::kS256, kChallenge));
  EXPECT_FALSE(is_valid_challenge(ChallengeMethod::kS256, std::string(kChallenge) + "A"));
  EXPECT_FALSE(is_valid_challenge(ChallengeMethod::kS256, std::string(42, 'a') + "+"));
  EXPECT_TRUE(is_valid_challenge(ChallengeMethod::kPlain, kVerifier));
  EXPECT_FALSE(is_valid_challenge(ChallengeMethod::kPlain, "short"));
  EXPECT_TRUE(is_valid_challenge(ChallengeMethod::kNone, ""));
}

TEST(IdentityPkce, ParsesMethods) {
  EXPECT_EQ(parse_challenge_method("S256", true), ChallengeMethod::kS256);
  EXPECT_EQ(parse_challenge_method("plain", true), ChallengeMethod::kPlain);
  EXPECT_EQ(parse_challenge_method("", true), ChallengeMethod::kPlain);
  EXPECT_EQ(parse_challenge_method("", false), ChallengeMethod::kNone);
  EXPECT_EQ(parse_challenge_method("s256", true), std::nullopt);
}

}  // namespace
}  // namespace hotel::identity::domain
