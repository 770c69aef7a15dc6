// Small cryptographic helpers over libsodium: secure random tokens and codes, hashes for storing
// secrets, and constant-time comparison. Every function initialises libsodium on first use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hotel::identity::domain {

// `bytes` bytes from libsodium's CSPRNG, as unpadded base64url (43 characters for 32 bytes).
std::string random_token(std::size_t bytes = 32);
// A uniformly distributed number in [0, upper), from libsodium's CSPRNG.
std::uint32_t random_below(std::uint32_t upper);

// Unpadded base64url of arbitrary bytes (RFC 4648 section 5).
std::string base64url(std::string_view bytes);
// The raw 32-byte SHA-256 digest of `text`.
std::string sha256(std::string_view text);
// Lowercase hex of SHA-256(text): how high-entropy secrets (refresh tokens, authorization codes,
// client secrets) are stored.
std::string sha256_hex(std::string_view text);
// Lowercase hex of BLAKE2b-256 keyed with `key` (16 to 64 bytes): how low-entropy secrets such
// as six-digit codes are stored, so that a copy of the database alone cannot brute-force them.
std::string keyed_hash_hex(std::string_view key, std::string_view text);

// Whether a and b are equal, in time that depends only on their lengths (sodium_memcmp).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace hotel::identity::domain
