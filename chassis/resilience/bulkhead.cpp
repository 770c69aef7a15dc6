#include "chassis/resilience/bulkhead.hpp"

#include <utility>

namespace hotel::resilience {

Bulkhead::Slot::Slot(Slot&& other) noexcept : bulkhead_(std::exchange(other.bulkhead_, nullptr)) {}

Bulkhead::Slot& Bulkhead::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    release();
    bulkhead_ = std::exchange(other.bulkhead_, nullptr);
  }
  return *this;
}

Bulkhead::Slot::~Slot() { release(); }

void Bulkhead::Slot::release() {
  if (bulkhead_ != nullptr) std::exchange(bulkhead_, nullptr)->in_flight_.fetch_sub(1);
}

Bulkhead::Bulkhead(std::size_t max_in_flight) : max_in_flight_(max_in_flight) {}

std::optional<Bulkhead::Slot> Bulkhead::try_enter() {
  std::size_t current = in_flight_.load();
  while (current < max_in_flight_) {
    if (in_flight_.compare_exchange_weak(current, current + 1)) return Slot(this);
  }
  rejected_.fetch_add(1);
  return std::nullopt;
}

}  // namespace hotel::resilience
