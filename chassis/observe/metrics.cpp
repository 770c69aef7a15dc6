#include "chassis/observe/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hotel::observe {

namespace detail {

std::size_t shard_of_this_thread() {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t shard = next.fetch_add(1, std::memory_order_relaxed) % kShards;
  return shard;
}

}  // namespace detail

void Counter::inc(double by) {
  // Counters only go up; a negative or NaN increment is a caller's bug and is dropped.
  if (!(by >= 0.0)) return;
  shards_[detail::shard_of_this_thread()].value.fetch_add(by, std::memory_order_relaxed);
}

double Counter::value() const {
  double sum = 0;
  for (const auto& shard : shards_) sum += shard.value.load(std::memory_order_relaxed);
  return sum;
}

void Gauge::set(double value) { value_.store(value, std::memory_order_relaxed); }

void Gauge::add(double by) { value_.fetch_add(by, std::memory_order_relaxed); }

double Gauge::value() const { return value_.load(std::memory_order_relaxed); }

Histogram::Histogram(std::vector<double> upper_bounds) : bounds_(std::move(upper_bounds)) {
  if (std::any_of(bounds_.begin(), bounds_.end(), [](double b) { return std::isnan(b); })) {
    throw std::invalid_argument("histogram bound is NaN");
  }
  // +Inf is always the last bucket; the given bounds are sorted and made unique.
  std::erase_if(bounds_, [](double b) { return std::isinf(b) && b > 0; });
  std::sort(bounds_.begin(), bounds_.end());
  bounds_.erase(std::unique(bounds_.begin(), bounds_.end()), bounds_.end());
  lines_per_shard_ = (bounds_.size() + 1 + Line::kCounts - 1) / Line::kCounts;
  lines_ = std::make_unique<Line[]>(detail::kShards * lines_per_shard_);
}

void Histogram::observe(double value) {
  if (std::isnan(value)) return;  // no bucket can hold it, and it would poison the sum
  // Buckets are "less than or equal": the first bound >= value.
  const auto bucket = std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin();
  const std::size_t shard = detail::shard_of_this_thread();
  this->bucket(shard, static_cast<std::size_t>(bucket)).fetch_add(1, std::memory_order_relaxed);
  sums_[shard].value.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot snapshot;
  snapshot.bounds = bounds_;
  snapshot.cumulative.resize(bounds_.size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    for (std::size_t shard = 0; shard < detail::kShards; ++shard) {
      running += bucket(shard, i).load(std::memory_order_relaxed);
    }
    snapshot.cumulative[i] = running;
  }
  for (const auto& shard : sums_) snapshot.sum += shard.value.load(std::memory_order_relaxed);
  // The count is the +Inf bucket, so a scrape never sees _count disagree with it.
  snapshot.count = running;
  return snapshot;
}

std::vector<double> latency_buckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace hotel::observe
