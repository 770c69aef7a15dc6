#include "chassis/core/ids.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <random>

namespace hotel::core {
namespace {

std::mt19937_64& engine() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return generator;
}

constexpr std::string_view kHex = "0123456789abcdef";

// The two digits of every byte value, so that a byte costs one lookup.
constexpr auto kByteDigits = [] {
  std::array<std::array<char, 2>, 256> digits{};
  for (std::size_t byte = 0; byte < digits.size(); ++byte) {
    digits[byte] = {kHex[byte >> 4], kHex[byte & 0xfU]};
  }
  return digits;
}();

}  // namespace

void write_random_hex(char* out, std::size_t bytes) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    if (i % 8 == 0) {
      do {
        bits = engine()();
      } while (bits == 0);  // W3C trace and span ids must not be all zeros
    }
    std::memcpy(out + 2 * i, kByteDigits[bits & 0xffU].data(), 2);
    bits >>= 8;
  }
}

void assign_random_hex(std::string& out, std::size_t bytes) {
  out.resize(2 * bytes);
  write_random_hex(out.data(), bytes);
}

std::string random_hex(std::size_t bytes) {
  std::string out;
  assign_random_hex(out, bytes);
  return out;
}

std::string uuid_v4() {
  std::string hex = random_hex(16);
  hex[12] = '4';
  hex[16] = kHex[8 + (hex[16] % 4)];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

bool is_hex_id(std::string_view text, std::size_t digits) {
  if (text.size() != digits) return false;
  bool nonzero = false;
  for (char c : text) {
    if (kHex.find(c) == std::string_view::npos) return false;
    nonzero = nonzero || c != '0';
  }
  return nonzero;
}

}  // namespace hotel::core
