// Compact JWS tokens signed with RS256: signing, and strict decoding (no verification; that is the
// Verifier's job).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "chassis/auth/auth_error.hpp"
#include "chassis/auth/rsa_key.hpp"

namespace hotel::auth {

// Longer tokens are refused before any decoding. Cognito's tokens are 1-2 KiB.
inline constexpr std::size_t kMaxTokenSize = std::size_t{16} * 1024;

// Header {"alg":"RS256","typ":"JWT","kid":kid}, then the claims, signed with `key`.
std::string sign_jwt(const boost::json::object& claims, const RsaPrivateKey& key,
                     std::string_view kid);

struct DecodedJwt {
  boost::json::object header;
  boost::json::object payload;
  std::string signing_input;  // "<header>.<payload>" as received: what the signature covers
  std::string signature;      // raw bytes, never empty
};

// Splits and decodes a token: exactly three segments, each strict base64url, the first two JSON
// objects, the signature not empty, the whole at most kMaxTokenSize. Throws TokenError.
DecodedJwt decode_jwt(std::string_view token);

}  // namespace hotel::auth
