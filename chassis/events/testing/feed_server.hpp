// A producer in a box for tests: a temp database with an outbox, served by a real HTTP server on
// 127.0.0.1 (ephemeral port) through the feed routes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "chassis/core/runtime.hpp"
#include "chassis/events/feed.hpp"
#include "chassis/events/notifier.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/events/testing/event_database.hpp"
#include "chassis/http/server.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::events::testing {

class FeedServer {
 public:
  explicit FeedServer(FeedOptions options = {});
  ~FeedServer();

  std::uint16_t port() const { return port_; }
  Outbox& outbox() { return outbox_; }
  AppendNotifier& notifier() { return *notifier_; }
  // Appends one event in its own transaction; returns its seq.
  std::int64_t append(const std::string& type, const std::string& subject,
                      boost::json::value data = boost::json::object{});

 private:
  EventDatabase database_{"producer.db"};
  Outbox outbox_{database_.db(), "hotel/test-producer"};
  core::Runtime runtime_{2, 2};
  observe::Logger logger_{"feed-test"};
  observe::Registry metrics_;
  std::shared_ptr<AppendNotifier> notifier_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

}  // namespace hotel::events::testing
