#include "services/identity/domain/pkce.hpp"

#include <algorithm>

#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::domain {
namespace {

constexpr std::size_t kMinVerifier = 43;
constexpr std::size_t kMaxVerifier = 128;
constexpr std::size_t kS256ChallengeLength = 43;  // 32 bytes in unpadded base64url

bool is_alnum(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

}  // namespace

std::optional<ChallengeMethod> parse_challenge_method(std::string_view method,
                                                      bool challenge_present) {
  if (method == "S256") return ChallengeMethod::kS256;
  if (method == "plain") return ChallengeMethod::kPlain;
  if (method.empty()) return challenge_present ? ChallengeMethod::kPlain : ChallengeMethod::kNone;
  return std::nullopt;
}

std::string_view to_string(ChallengeMethod method) {
  switch (method) {
    case ChallengeMethod::kNone:
      return "";
    case ChallengeMethod::kS256:
      return "S256";
    case ChallengeMethod::kPlain:
      return "plain";
  }
  return "";
}

bool is_valid_verifier(std::string_view verifier) {
  if (verifier.size() < kMinVerifier || verifier.size() > kMaxVerifier) return false;
  return std::all_of(verifier.begin(), verifier.end(), [](char ch) {
    return is_alnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~';
  });
}

std::string s256_challenge(std::string_view verifier) { return base64url(sha256(verifier)); }

bool is_valid_challenge(ChallengeMethod method, std::string_view challenge) {
  switch (method) {
    case ChallengeMethod::kNone:
      return challenge.empty();
    case ChallengeMethod::kS256:
      return challenge.size() == kS256ChallengeLength &&
             std::all_of(challenge.begin(), challenge.end(),
                         [](char ch) { return is_alnum(ch) || ch == '-' || ch == '_'; });
    case ChallengeMethod::kPlain:
      return is_valid_verifier(challenge);
  }
  return false;
}

bool verify_pkce(ChallengeMethod method, std::string_view challenge, std::string_view verifier) {
  if (!is_valid_verifier(verifier)) return false;
  switch (method) {
    case ChallengeMethod::kNone:
      return false;
    case ChallengeMethod::kS256:
      return constant_time_equal(s256_challenge(verifier), challenge);
    case ChallengeMethod::kPlain:
      return constant_time_equal(verifier, challenge);
  }
  return false;
}

}  // namespace hotel::identity::domain
