// A producer in a box for tests: a temp database with an outbox, served through the feed routes
// by a real HTTP server on 127.0.0.1 (ephemeral port).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "chassis/events/feed.hpp"
#include "chassis/events/notifier.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/events/testing/event_database.hpp"
#include "chassis/events/testing/local_server.hpp"
#include "chassis/http/client.hpp"

namespace hotel::events::testing {

class FeedServer {
 public:
  explicit FeedServer(FeedOptions options = {});
  ~FeedServer();

  std::uint16_t port() const { return server_->port(); }
  http::Endpoint endpoint() const { return {"127.0.0.1", port()}; }
  Outbox& outbox() { return outbox_; }
  AppendNotifier& notifier() { return *notifier_; }
  // Appends one event in its own transaction; returns its seq.
  std::int64_t append(const std::string& type, const std::string& subject,
                      boost::json::value data = boost::json::object{});

 private:
  EventDatabase database_{"producer.db"};
  Outbox outbox_{database_.db(), "hotel/test-producer"};
  std::shared_ptr<AppendNotifier> notifier_;
  std::unique_ptr<LocalServer> server_;
};

}  // namespace hotel::events::testing
