#include "chassis/core/ids.hpp"

#include <random>

namespace hotel::core {
namespace {

std::mt19937_64& engine() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return generator;
}

constexpr std::string_view kHex = "0123456789abcdef";

}  // namespace

std::string random_hex(std::size_t bytes) {
  std::string out(bytes * 2, '0');  // written in place: three of these per request
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    if (i % 8 == 0) bits = engine()();
    auto byte = static_cast<unsigned>(bits & 0xffU);
    bits >>= 8;
    out[2 * i] = kHex[byte >> 4];
    out[2 * i + 1] = kHex[byte & 0xfU];
  }
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
