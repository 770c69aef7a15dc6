// Proof Key for Code Exchange (RFC 7636): the client sends a challenge with the authorization
// request and proves it holds the verifier when it redeems the code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hotel::identity::domain {

enum class ChallengeMethod { kNone, kS256, kPlain };

// "S256" and "plain"; an empty method with a challenge means plain (RFC 7636 section 4.3).
std::optional<ChallengeMethod> parse_challenge_method(std::string_view method,
                                                      bool challenge_present);
std::string_view to_string(ChallengeMethod method);

// 43 to 128 characters of the unreserved set [A-Za-z0-9-._~].
bool is_valid_verifier(std::string_view verifier);
// BASE64URL(SHA256(ASCII(verifier))).
std::string s256_challenge(std::string_view verifier);
// Whether a challenge has the shape its method calls for (43 base64url characters for S256; a
// valid verifier for plain).
bool is_valid_challenge(ChallengeMethod method, std::string_view challenge);
// Whether `verifier` is valid and answers `challenge` (compared in constant time).
bool verify_pkce(ChallengeMethod method, std::string_view challenge, std::string_view verifier);

}  // namespace hotel::identity::domain
