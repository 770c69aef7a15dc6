// Prometheus metrics: counters, gauges, histograms with labels, rendered in the text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hotel::observe {

using Labels = std::map<std::string, std::string>;

namespace detail {

// Counters and histograms keep a shard of their counts per thread group, each on its own cache
// line: threads updating the same series (the I/O threads, every request) then do not pass the
// line between cores on every update. Readers (scrapes) add the shards up. A thread takes the
// next shard when it first updates a metric; threads past kShards share.
inline constexpr std::size_t kShards = 8;
inline constexpr std::size_t kCacheLine = 64;
std::size_t shard_of_this_thread();

struct alignas(kCacheLine) ShardedDouble {
  std::atomic<double> value{0.0};
};

}  // namespace detail

class Counter {
 public:
  void inc(double by = 1.0);
  double value() const;

 private:
  std::array<detail::ShardedDouble, detail::kShards> shards_;
};

class Gauge {
 public:
  void set(double value);
  void add(double by);
  double value() const;

 private:
  std::atomic<double> value_{0.0};
};

class Histogram {
 public:
  explicit Histogram(std::vector<double> upper_bounds);
  void observe(double value);
  // Cumulative counts per bound (+Inf last), sum and count, consistent enough for scraping.
  struct Snapshot {
    std::vector<double> bounds;
    std::vector<std::uint64_t> cumulative;  // size bounds.size() + 1
    double sum = 0;
    std::uint64_t count = 0;
  };
  Snapshot snapshot() const;

 private:
  // A shard's bucket counts fill whole cache lines of their own.
  struct alignas(detail::kCacheLine) Line {
    static constexpr std::size_t kCounts = detail::kCacheLine / sizeof(std::uint64_t);
    std::array<std::atomic<std::uint64_t>, kCounts> counts{};
  };
  std::atomic<std::uint64_t>& bucket(std::size_t shard, std::size_t at) const {
    return lines_[shard * lines_per_shard_ + at / Line::kCounts].counts[at % Line::kCounts];
  }

  std::vector<double> bounds_;
  std::size_t lines_per_shard_ = 0;
  std::unique_ptr<Line[]> lines_;
  std::array<detail::ShardedDouble, detail::kShards> sums_;
};

// Latency buckets in seconds, 0.5 ms to 10 s.
std::vector<double> latency_buckets();

class Registry {
 public:
  Registry();
  ~Registry();
  // Returns the series for (name, labels), creating it on first use. References stay valid for
  // the registry's life. A name keeps the type and help it was first registered with.
  Counter& counter(const std::string& name, const std::string& help, const Labels& labels = {});
  Gauge& gauge(const std::string& name, const std::string& help, const Labels& labels = {});
  Histogram& histogram(const std::string& name, const std::string& help, const Labels& labels = {},
                       std::vector<double> upper_bounds = latency_buckets());
  // A gauge read at scrape time (breaker state, outbox lag, dead letters).
  void gauge_callback(const std::string& name, const std::string& help, const Labels& labels,
                      std::function<double()> read);

  // Prometheus text exposition format 0.0.4.
  std::string render() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotel::observe
