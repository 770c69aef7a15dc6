#include "chassis/core/ids.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <random>

namespace hotel::core {
namespace {

// xoshiro256** (Blackman and Vigna): 32 bytes of state, a few instructions per 64 bits and a
// period of 2^256 - 1; seeded per thread with 256 bits from std::random_device. The standard
// library's std::mt19937_64 costs 2.5 KiB of state per thread and more per number; ids are
// drawn several times per request.
class Xoshiro256 {
 public:
  Xoshiro256() {
    std::random_device device;
    for (auto& word : state_) {
      do {
        word = (std::uint64_t{device()} << 32) | device();
      } while (word == 0);  // any nonzero word keeps the whole state off the all-zero one
    }
  }
  std::uint64_t operator()() {
    const std::uint64_t result = std::rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = std::rotl(state_[3], 45);
    return result;
  }

 private:
  std::array<std::uint64_t, 4> state_{};
};

Xoshiro256& engine() {
  thread_local Xoshiro256 generator;
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
  Xoshiro256& random = engine();
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    if (i % 8 == 0) {
      do {
        bits = random();
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
