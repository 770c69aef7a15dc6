#include "services/common/feed_service.hpp"

#include <filesystem>

#include "chassis/events/notifier.hpp"
#include "chassis/observe/health.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::services {

FeedService::FeedService(service::ServiceContext& context,
                         std::span<const store::Migration> migrations,
                         store::Synchronous synchronous, events::FeedOptions feed,
                         std::int64_t reader_mmap_bytes)
    : context_(context), feed_(std::move(feed)) {
  store::DatabaseOptions options;
  options.path = (std::filesystem::path(context.data_dir) / (context.name + ".db")).string();
  options.synchronous = synchronous;
  options.reader_mmap_bytes = reader_mmap_bytes;
  database_ = std::make_unique<store::Database>(options);
  store::apply_migrations(*database_, migrations);
  outbox_ = std::make_unique<events::Outbox>(*database_, "hotel/" + context.name);
  context.health.add_check("database", [this] {
    return database_->read(
               [](SQLite::Database& db) { return db.execAndGet("SELECT 1").getInt(); }) == 1;
  });
  context.metrics.gauge_callback("outbox_last_seq", "Sequence of the newest published event",
                                 {{"service", context.name}},
                                 [this] { return static_cast<double>(outbox_->last_seq()); });
}

void FeedService::add_routes(http::Router& router) {
  notifier_ = events::add_event_feed_routes(router, *outbox_, context_.runtime, feed_);
}

void FeedService::begin_drain() {
  if (notifier_) notifier_->close();
}

namespace {

constexpr store::Migration kFeedOnlyMigrations[] = {events::outbox_migration(1)};

class FeedOnlyService final : public FeedService {
 public:
  FeedOnlyService(service::ServiceContext& context, store::Synchronous synchronous)
      : FeedService(context, kFeedOnlyMigrations, synchronous) {}
};

}  // namespace

service::ServiceFactory feed_only_service(store::Synchronous synchronous) {
  return [synchronous](service::ServiceContext& context) {
    return std::make_unique<FeedOnlyService>(context, synchronous);
  };
}

}  // namespace hotel::services
