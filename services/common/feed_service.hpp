// The shape every stateful service starts from: its own SQLite database with the outbox
// migration, the event feed (GET /v1/events) and readiness tied to the database. Services grow
// their own routes and tables on top (their issues); until then this is what their targets serve.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "chassis/events/feed.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/service/service.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/migrations.hpp"

namespace hotel::services {

class FeedService : public service::Service {
 public:
  // Opens <data_dir>/<name>.db, applies `migrations`, and publishes as `source`. `feed` sets the
  // feed's path and route policy (who may read it); `reader_mmap_bytes` the readers' mmap_size
  // (store::DatabaseOptions).
  FeedService(service::ServiceContext& context, std::span<const store::Migration> migrations,
              store::Synchronous synchronous, events::FeedOptions feed = {},
              std::int64_t reader_mmap_bytes = 0);
  void add_routes(http::Router& router) override;
  void begin_drain() override;

  store::Database& database() { return *database_; }
  events::Outbox& outbox() { return *outbox_; }

 protected:
  service::ServiceContext& context_;

 private:
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<events::Outbox> outbox_;
  std::shared_ptr<events::AppendNotifier> notifier_;
  events::FeedOptions feed_;
};

// A factory for a service that is, for now, only its database and event feed.
service::ServiceFactory feed_only_service(store::Synchronous synchronous);

}  // namespace hotel::services
