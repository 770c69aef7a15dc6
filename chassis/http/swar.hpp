// Eight characters at a time in a 64-bit word ("SIMD within a register"): the tests the head
// writer and the head parser run over long field values (bearer tokens run to a kilobyte).
// Internal to chassis/http.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

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

}  // namespace hotel::http::swar
