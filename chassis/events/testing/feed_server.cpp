#include "chassis/events/testing/feed_server.hpp"

#include "chassis/store/database.hpp"

namespace hotel::events::testing {

FeedServer::FeedServer(FeedOptions options) {
  http::Router router;
  notifier_ = add_event_feed_routes(router, outbox_, runtime_, std::move(options));
  http::ServerOptions server_options;
  server_options.service = "feed-test";
  server_options.access_log = false;
  server_ = std::make_unique<http::Server>(runtime_, server_options, std::move(router),
                                           std::vector<http::Middleware>{}, logger_, metrics_);
  port_ = server_->start();
  runtime_.start();
}

FeedServer::~FeedServer() {
  // Not Server::drain: on main at 05a3707 it posts socket().cancel() (the throwing overload) to
  // connections whose socket may already be closed, which terminates the process. Parked
  // long-polls are released by closing the notifier; stopping the runtime ends the rest.
  server_->stop_accepting();
  notifier_->close();
  runtime_.stop();
  server_.reset();
}

std::int64_t FeedServer::append(const std::string& type, const std::string& subject,
                                boost::json::value data) {
  return database_.db().write([&](store::Transaction& tx) {
    return outbox_.append(tx, NewEvent{type, subject, std::move(data), {}}).sequence;
  });
}

}  // namespace hotel::events::testing
