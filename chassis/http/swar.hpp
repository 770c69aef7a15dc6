// Many characters at a time: eight in a 64-bit word ("SIMD within a register"), sixteen in an
// SSE2 register where the target has it (every x86-64 CPU); the scans the head writer and the head
// parser run over field values (bearer tokens run to a kilobyte). Internal to chassis/http.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hotel::http::swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Nonzero exactly when some byte of `word` is below `n` (n <= 128): a borrow reaches a byte only
// from such a byte below it, so the lowest one always shows and no other byte shows alone.
constexpr std::uint64_t bytes_below(std::uint64_t word, unsigned n) {
  return (word - kOnes * n) & ~word & kHighs;
}

// Nonzero exactly when some byte of `word` equals `c`; the lowest such byte always shows.
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char c) {
  return bytes_below(word ^ (kOnes * c), 1);
}

// The position of the lowest byte a mask from bytes_below or bytes_equal shows (little-endian
// loads: the first character in memory is the lowest byte).
constexpr std::size_t first_byte(std::uint64_t mask) {
  return static_cast<std::size_t>(std::countr_zero(mask)) / 8;
}

inline std::uint64_t load_word(const char* at) {
  static_assert(std::endian::native == std::endian::little, "SWAR loads assume little-endian");
  std::uint64_t word = 0;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// Whether `c` is a control character: below 0x20 (HTAB, CR, LF and NUL among them) or DEL.
constexpr bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

// The first control character in [at, end), or `end`.
inline const char* find_control(const char* at, const char* end) {
#if defined(__SSE2__)
  const __m128i highest_low = _mm_set1_epi8(0x1f);
  const __m128i del = _mm_set1_epi8(0x7f);
  while (end - at >= 16) {
    __m128i chunk;
    std::memcpy(&chunk, at, sizeof chunk);
    // Unsigned x <= 0x1f exactly when min(x, 0x1f) == x.
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(chunk, highest_low), chunk);
    const int mask = _mm_movemask_epi8(_mm_or_si128(low, _mm_cmpeq_epi8(chunk, del)));
    if (mask != 0) return at + std::countr_zero(static_cast<unsigned>(mask));
    at += 16;
  }
#endif
  while (end - at >= 8) {
    const std::uint64_t word = load_word(at);
    const std::uint64_t stops = bytes_below(word, 0x20) | bytes_equal(word, 0x7f);
    if (stops != 0) return at + first_byte(stops);
    at += 8;
  }
  while (at != end && !is_control(*at)) ++at;
  return at;
}

inline constexpr std::array<char, 3> kUnsafe{'\r', '\n', '\0'};

// Whether eight characters hold no CR, LF or NUL. Most words have no byte below 14 (CR) at all,
// which one test tells; only those with one (a tab, say) are looked at further.
constexpr bool word_is_safe(std::uint64_t word) {
  if (bytes_below(word, '\r' + 1) == 0) return true;
  return (bytes_below(word, 1) | bytes_equal(word, '\r') | bytes_equal(word, '\n')) == 0;
}

// Whether a field name or value holds no CR, LF or NUL (nothing that could split a head): texts of
// eight characters or more eight at a time (the last eight overlapping the word before them),
// shorter ones character by character; long values (bearer tokens run to a kilobyte) by memchr per
// character sought, which is vectorised.
inline bool is_safe(std::string_view text) {
  constexpr std::size_t kLong = 256;
  if (text.size() >= kLong) {
    return std::none_of(kUnsafe.begin(), kUnsafe.end(), [&](char c) {
      return std::memchr(text.data(), c, text.size()) != nullptr;
    });
  }
  if (text.size() < 8) {
    return std::none_of(text.begin(), text.end(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
  }
  const char* const last = text.data() + text.size() - 8;
  for (const char* at = text.data(); at < last; at += 8) {
    if (!word_is_safe(load_word(at))) return false;
  }
  return word_is_safe(load_word(last));
}

}  // namespace hotel::http::swar
