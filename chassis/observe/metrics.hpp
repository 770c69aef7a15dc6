// Prometheus metrics: counters, gauges, histograms with labels, rendered in the text format.
#pragma once

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

class Counter {
 public:
  void inc(double by = 1.0);
  double value() const;

 private:
  std::atomic<double> value_{0.0};
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
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;
  std::atomic<double> sum_{0.0};
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
