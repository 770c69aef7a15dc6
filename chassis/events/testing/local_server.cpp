#include "chassis/events/testing/local_server.hpp"

namespace hotel::events::testing {

LocalServer::LocalServer(const RouterFactory& routes) {
  http::ServerOptions options;
  options.service = "events-test";
  options.access_log = false;
  server_ = std::make_unique<http::Server>(runtime_, options, routes(runtime_),
                                           std::vector<http::Middleware>{}, logger_, metrics_);
  port_ = server_->start();
  runtime_.start();
}

LocalServer::~LocalServer() {
  server_->stop_accepting();
  runtime_.stop();
  server_.reset();
}

}  // namespace hotel::events::testing
