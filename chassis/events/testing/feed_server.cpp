#include "chassis/events/testing/feed_server.hpp"

#include "chassis/store/database.hpp"

namespace hotel::events::testing {

FeedServer::FeedServer(FeedOptions options) {
  server_ = std::make_unique<LocalServer>([&](core::Runtime& runtime) {
    http::Router router;
    notifier_ = add_event_feed_routes(router, outbox_, runtime, options);
    return router;
  });
}

FeedServer::~FeedServer() {
  notifier_->close();  // parked long-polls answer now
  server_.reset();
}

std::int64_t FeedServer::append(const std::string& type, const std::string& subject,
                                boost::json::value data) {
  return database_.db().write([&](store::Transaction& tx) {
    return outbox_.append(tx, NewEvent{type, subject, std::move(data), {}}).sequence;
  });
}

}  // namespace hotel::events::testing
