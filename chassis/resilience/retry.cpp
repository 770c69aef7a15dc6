#include "chassis/resilience/retry.hpp"

#include <algorithm>
#include <cmath>

namespace hotel::resilience {

std::chrono::milliseconds RetryPolicy::delay(int retry, core::Random& random) const {
  const double cap = static_cast<double>(std::max<std::int64_t>(max_delay.count(), 0));
  // 2^retry overflows nothing in double; min() keeps the product bounded.
  const double ceiling = std::min(
      cap, static_cast<double>(base_delay.count()) * std::exp2(std::clamp(retry, 0, 1'000)));
  const double drawn = std::clamp(random.uniform(), 0.0, 1.0) * std::max(ceiling, 0.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(drawn));
}

bool may_retry(http::Method method, bool has_idempotency_key) {
  switch (method) {
    case http::Method::kGet:
    case http::Method::kHead:
    case http::Method::kOptions:
    case http::Method::kPut:
    case http::Method::kDelete:
      return true;
    case http::Method::kPost:
    case http::Method::kPatch:
      return has_idempotency_key;
    case http::Method::kOther:
      return false;
  }
  return false;
}

RetryBudget::RetryBudget(RetryBudgetOptions options, const core::Clock& clock)
    : options_(options),
      clock_(clock),
      origin_(clock.coarse_steady_now()),  // the clock current_locked reads
      slice_length_(std::max<std::chrono::nanoseconds>(options.window / kSlices,
                                                       std::chrono::nanoseconds(1))),
      slices_(kSlices) {}

void RetryBudget::record_request() {
  std::lock_guard lock(mutex_);
  ++current_locked().requests;
}

bool RetryBudget::try_spend_retry() {
  std::lock_guard lock(mutex_);
  Slice& now = current_locked();
  std::uint64_t requests = 0;
  std::uint64_t retries = 0;
  for (const Slice& slice : slices_) {
    if (slice.index > now.index - kSlices) {
      requests += slice.requests;
      retries += slice.retries;
    }
  }
  const double window_s = std::chrono::duration<double>(slice_length_ * kSlices).count();
  const double allowed = options_.min_retries_per_second * window_s +
                         options_.retry_ratio * static_cast<double>(requests);
  if (static_cast<double>(retries) + 1 > allowed) return false;
  ++now.retries;
  return true;
}

RetryBudget::Slice& RetryBudget::current_locked() {
  // Slices are a tenth of the window (a second by default): a tick behind does not matter.
  const std::int64_t index = (clock_.coarse_steady_now() - origin_) / slice_length_;
  Slice& slice = slices_[static_cast<std::size_t>(index % kSlices)];
  if (slice.index != index) slice = Slice{index, 0, 0};
  return slice;
}

}  // namespace hotel::resilience
