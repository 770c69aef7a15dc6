// The consumer side of the events tests: a producer (FeedServer), a consumer database with its
// ConsumerStore, a runtime and client for subscriptions, and a handler that refuses events with
// subject "poison" while poison() is on.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "chassis/core/runtime.hpp"
#include "chassis/events/consumer_store.hpp"
#include "chassis/events/subscription.hpp"
#include "chassis/events/testing/event_database.hpp"
#include "chassis/events/testing/feed_server.hpp"
#include "chassis/http/client.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::events::testing {

inline constexpr const char* kSubscription = "test.producer";

class ConsumerHarness {
 public:
  ConsumerHarness() { runtime_.start(); }
  ~ConsumerHarness() { runtime_.stop(); }

  FeedServer& producer() { return producer_; }
  EventDatabase& database() { return database_; }
  ConsumerStore& store() { return store_; }
  core::Runtime& runtime() { return runtime_; }
  observe::Registry& metrics() { return metrics_; }
  void set_poison(bool on) { poison_ = on; }

  SubscriptionOptions options() {
    SubscriptionOptions options;
    options.name = kSubscription;
    options.producer = "producer";
    options.endpoint = producer_.endpoint();
    options.handler = [this](store::Transaction& tx, const Event& event) {
      if (poison_ && event.subject == "poison") throw std::runtime_error("poisoned");
      EventDatabase::record_effect(tx, event);
    };
    options.retry = {3, std::chrono::milliseconds(1), std::chrono::milliseconds(2)};
    options.reconnect = {0, std::chrono::milliseconds(5), std::chrono::milliseconds(20)};
    options.wait = std::chrono::seconds(20);
    return options;
  }
  std::unique_ptr<Subscription> subscribe(SubscriptionOptions options) {
    return std::make_unique<Subscription>(runtime_, client_, store_, std::move(options), &metrics_);
  }

  // Waits until `done()` holds; fails the test (instead of hanging) after a generous bound.
  static void eventually(const std::function<bool()>& done) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!done()) {
      if (std::chrono::steady_clock::now() > give_up) {
        ADD_FAILURE() << "condition never held";
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  void wait_for_cursor(std::int64_t seq) {
    eventually([&] { return store_.cursor(kSubscription) >= seq; });
  }
  // The seqs of the applied events, in the order they were applied.
  std::vector<std::int64_t> applied() const {
    return database_.db().read([](SQLite::Database& conn) {
      std::vector<std::int64_t> seqs;
      SQLite::Statement select(conn, "SELECT seq FROM effects ORDER BY rowid");
      while (select.executeStep()) seqs.push_back(select.getColumn(0).getInt64());
      return seqs;
    });
  }

 private:
  FeedServer producer_;
  EventDatabase database_{"consumer.db"};
  ConsumerStore store_{database_.db()};
  core::Runtime runtime_{1, 2};
  http::HttpClient client_{runtime_};
  observe::Registry metrics_;
  std::atomic<bool> poison_{true};
};

}  // namespace hotel::events::testing
