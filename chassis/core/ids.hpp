// Random identifiers: request ids, W3C trace and span ids, event ids.
#pragma once

#include <string>
#include <string_view>

namespace hotel::core {

// `bytes` random bytes from a fast per-thread generator, as lowercase hex (2 * bytes digits).
// No eight bytes of it are all zeros, so it serves as a W3C trace or span id (never all zeros).
// Not for secrets: use libsodium's randombytes for tokens and keys.
std::string random_hex(std::size_t bytes);
// The same written at `out` (2 * bytes characters), for ids built in place.
void write_random_hex(char* out, std::size_t bytes);
// The same into `out`, reusing its storage (a request object reused on a connection keeps the
// capacity of its ids).
void assign_random_hex(std::string& out, std::size_t bytes);
// A random (version 4) UUID in its canonical textual form.
std::string uuid_v4();
// True when `text` is exactly `digits` lowercase hex digits and not all zeros.
bool is_hex_id(std::string_view text, std::size_t digits);

}  // namespace hotel::core
