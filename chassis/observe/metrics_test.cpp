#include "chassis/observe/metrics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace hotel::observe {
namespace {

TEST(Metrics, RendersPrometheusTextInStableOrder) {
  Registry registry;
  registry.counter("http_requests_total", "Requests served.", {{"route", "/v1/search"}}).inc(2);
  registry.counter("http_requests_total", "ignored", {{"route", "/v1/hotels"}}).inc();
  registry.gauge("breaker_state", "0 closed, 1 open, 2 half-open.", {{"upstream", "payment"}})
      .set(1);
  registry.gauge_callback("outbox_lag", "Events not yet consumed.", {{"consumer", "search"}},
                          [] { return 7.0; });
  auto& latency = registry.histogram("request_seconds", "Latency.", {{"route", "/x"}}, {0.1, 1});
  latency.observe(0.05);
  latency.observe(0.1);
  latency.observe(3);

  EXPECT_EQ(registry.render(),
            "# HELP breaker_state 0 closed, 1 open, 2 half-open.\n"
            "# TYPE breaker_state gauge\n"
            "breaker_state{upstream=\"payment\"} 1\n"
            "# HELP http_requests_total Requests served.\n"
            "# TYPE http_requests_total counter\n"
            "http_requests_total{route=\"/v1/hotels\"} 1\n"
            "http_requests_total{route=\"/v1/search\"} 2\n"
            "# HELP outbox_lag Events not yet consumed.\n"
            "# TYPE outbox_lag gauge\n"
            "outbox_lag{consumer=\"search\"} 7\n"
            "# HELP request_seconds Latency.\n"
            "# TYPE request_seconds histogram\n"
            "request_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n"
            "request_seconds_bucket{route=\"/x\",le=\"1\"} 2\n"
            "request_seconds_bucket{route=\"/x\",le=\"+Inf\"} 3\n"
            "request_seconds_sum{route=\"/x\"} 3.15\n"
            "request_seconds_count{route=\"/x\"} 3\n");
}

TEST(Metrics, SameNameAndLabelsIsTheSameSeries) {
  Registry registry;
  auto& a = registry.counter("c", "h", {{"k", "v"}});
  auto& b = registry.counter("c", "h", {{"k", "v"}});
  EXPECT_EQ(&a, &b);
  EXPECT_NE(&a, &registry.counter("c", "h", {{"k", "w"}}));
  EXPECT_THROW(registry.gauge("c", "h"), std::logic_error);
  EXPECT_THROW(registry.counter("bad name", "h"), std::invalid_argument);
  EXPECT_THROW(registry.histogram("h", "h", {{"le", "1"}}), std::invalid_argument);
}

TEST(Metrics, EscapesLabelValuesAndHelp) {
  Registry registry;
  registry.counter("c", "line\\one\nline \"two\"", {{"path", "a\\b\"c\nd"}}).inc();
  EXPECT_EQ(registry.render(),
            "# HELP c line\\\\one\\nline \"two\"\n"
            "# TYPE c counter\n"
            "c{path=\"a\\\\b\\\"c\\nd\"} 1\n");
}

TEST(Metrics, HistogramCountsAreCumulative) {
  Histogram histogram({5, 1, 2, INFINITY});
  for (double v : {0.5, 1.0, 1.5, 2.0, 4.0, 9.0, std::nan("")}) histogram.observe(v);
  const auto snap = histogram.snapshot();
  EXPECT_EQ(snap.bounds, (std::vector<double>{1, 2, 5}));
  EXPECT_EQ(snap.cumulative, (std::vector<std::uint64_t>{2, 4, 5, 6}));
  EXPECT_EQ(snap.count, 6u);
  EXPECT_DOUBLE_EQ(snap.sum, 18.0);
}

TEST(Metrics, LatencyBucketsSpanHalfAMillisecondToTenSeconds) {
  const auto buckets = latency_buckets();
  EXPECT_EQ(buckets.front(), 0.0005);
  EXPECT_EQ(buckets.back(), 10.0);
  EXPECT_TRUE(std::is_sorted(buckets.begin(), buckets.end()));
}

TEST(Metrics, ConcurrentIncrementsAreNotLost) {
  // More threads than shards (some share one), and a histogram whose buckets span several cache
  // lines per shard.
  Registry registry;
  constexpr int kThreads = 12;
  constexpr int kPerThread = 5'000;
  std::vector<double> bounds;
  for (int bound = 1; bound <= 20; ++bound) bounds.push_back(bound);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        registry.counter("hits_total", "h").inc();
        registry.histogram("lat", "h", {}, bounds).observe(t * 2 + 0.5);  // bucket 2t (+Inf)
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(registry.counter("hits_total", "h").value(), kThreads * kPerThread);
  const auto snapshot = registry.histogram("lat", "h", {}, bounds).snapshot();
  EXPECT_EQ(snapshot.count, 1U * kThreads * kPerThread);
  ASSERT_EQ(snapshot.cumulative.size(), bounds.size() + 1);
  for (std::size_t at = 0; at < snapshot.cumulative.size(); ++at) {
    // Thread t's values (2t + 0.5) fall in bucket 2t, or +Inf past the last bound.
    std::uint64_t expected = 0;
    for (int t = 0; t < kThreads; ++t) {
      const std::size_t bucket = std::min(static_cast<std::size_t>(2) * t, bounds.size());
      if (bucket <= at) expected += kPerThread;
    }
    EXPECT_EQ(snapshot.cumulative[at], expected) << at;
  }
  double sum = 0;
  for (int t = 0; t < kThreads; ++t) sum += (t * 2 + 0.5) * kPerThread;
  EXPECT_DOUBLE_EQ(snapshot.sum, sum);
}

TEST(Metrics, GaugeCallbackIsReadAtScrapeAndMayBeReplaced) {
  Registry registry;
  double lag = 1;
  registry.gauge_callback("lag", "h", {}, [&] { return lag; });
  lag = 4;
  EXPECT_NE(registry.render().find("\nlag 4\n"), std::string::npos);
  registry.gauge_callback("lag", "h", {}, [] { return 9.0; });
  EXPECT_NE(registry.render().find("\nlag 9\n"), std::string::npos);
  registry.gauge_callback("broken", "h", {}, []() -> double { throw std::runtime_error("x"); });
  EXPECT_EQ(registry.render().find("\nbroken "), std::string::npos);
}

}  // namespace
}  // namespace hotel::observe
