// base64url without padding (RFC 4648 §5), as JWTs and JWKs use it. Decoding is strict.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hotel::auth {

std::string base64url_encode(std::string_view bytes);

// nullopt unless `text` is canonical unpadded base64url: only [A-Za-z0-9_-], no '=', a length
// that is not 1 modulo 4, and zero bits in the unused low bits of the last character.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace hotel::auth
