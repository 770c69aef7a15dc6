#include "services/search/search.hpp"

#include "chassis/events/admin.hpp"
#include "chassis/events/consumer_store.hpp"
#include "chassis/events/subscription.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/service/config.hpp"
#include "services/common/feed_service.hpp"
#include "services/search/api/guarded_index.hpp"
#include "services/search/api/routes.hpp"
#include "services/search/indexer.hpp"
#include "services/search/storage/memory_hotel_index.hpp"
#include "services/search/storage/memory_index.hpp"
#include "services/search/storage/migrations.hpp"
#include "services/search/storage/read_model.hpp"

namespace hotel::search {
namespace {

using namespace std::chrono_literals;

void add_config(service::ConfigSchema& schema) {
  using service::ConfigType;
  schema.add({"search.index_timeout",
              ConfigType::kDurationMs,
              2'000ms,
              10,
              60'000,
              {},
              "Bound on one search index call; a slower call counts against the breaker"});
  schema.add({"search.breaker_failures",
              ConfigType::kInt,
              std::int64_t{5},
              1,
              1000,
              {},
              "Index failures or timeouts in a row that open the search index breaker"});
  schema.add({"search.breaker_open",
              ConfigType::kDurationMs,
              5'000ms,
              100,
              600'000,
              {},
              "How long the open search index breaker answers 503 before a trial call"});
  schema.add({"search.reader_mmap_mb",
              ConfigType::kInt,
              std::int64_t{16'384},
              0,
              1'048'576,
              {},
              "mmap_size of the read model's readers in MiB (0: off; SQLite caps it at its "
              "compile-time maximum): text searches read the FTS5 index in random places"});
  schema.add({"search.feed_batch",
              ConfigType::kInt,
              std::int64_t{500},
              1,
              1000,
              {},
              "Hotel events fetched per poll of the hotels feed"});
}

api::GuardOptions guard_options(const service::Config& config) {
  api::GuardOptions options;
  options.timeout = config.get_ms("search.index_timeout");
  options.breaker.consecutive_failures =
      static_cast<int>(config.get_int("search.breaker_failures"));
  options.breaker.open_duration = config.get_ms("search.breaker_open");
  return options;
}

// The query side: the read model (built only from the hotels feed), its search API, the event
// admin routes and the rebuild. The outbox and feed of every stateful service stay (migration 1).
class SearchService final : public services::FeedService {
 public:
  explicit SearchService(service::ServiceContext& context)
      : FeedService(context, storage::migrations(), store::Synchronous::kNormal, {},
                    context.config.get_int("search.reader_mmap_mb") << 20),
        consumer_(database()),
        index_(database(), memory_),
        guarded_(index_, context.runtime, guard_options(context.config), &context.metrics,
                 &context.logger),
        indexer_(&context.metrics, core::SystemClock::instance(), &memory_) {
    // The memory index from the read model, before the subscription changes either.
    const auto started = std::chrono::steady_clock::now();
    const auto hotels = database().read([this](SQLite::Database& db) { return memory_.load(db); });
    indexer_.set_hotels(hotels);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    context.logger.info("search memory index loaded", {{"hotels", hotels}, {"ms", took.count()}});
    events::SubscriptionOptions options;
    options.name = kHotelsSubscription;
    options.producer = "hotels";
    options.resolver = &context.resolver;
    options.batch = static_cast<int>(context.config.get_int("search.feed_batch"));
    options.handler = [this](store::Transaction& tx, const events::Event& event) {
      indexer_.apply(tx, event);
    };
    subscription_ = std::make_unique<events::Subscription>(context.runtime, context.client,
                                                           consumer_, std::move(options),
                                                           &context.metrics, &context.logger);
  }

  void add_routes(http::Router& router) override {
    FeedService::add_routes(router);
    api::add_search_route(router, guarded_, core::SystemClock::instance());
    api::add_hotel_route(router, guarded_);
    api::add_rebuild_route(router, context_.runtime, [this] { rebuild(); });
    events::add_event_admin_routes(router, consumer_, context_.runtime, {subscription_.get()});
  }

  void start() override { subscription_->start(); }
  void stop() override { subscription_->stop(); }

 private:
  // Clears first, then resets the cursor: an event applied in between is applied again from the
  // start, and the version rule makes the result the same.
  void rebuild() {
    database().write([this](store::Transaction& tx) { storage::clear_read_model(tx, &memory_); });
    indexer_.set_hotels(0);
    subscription_->reset_cursor(0);
    context_.logger.info("search read model rebuild started", {});
  }

  events::ConsumerStore consumer_;
  storage::MemoryIndex memory_;
  storage::MemoryHotelIndex index_;
  api::GuardedIndex guarded_;
  Indexer indexer_;
  std::unique_ptr<events::Subscription> subscription_;
};

}  // namespace

void append(service::ServiceList& list) {
  list.append(
      "search", kDefaultPort,
      [](service::ServiceContext& context) { return std::make_unique<SearchService>(context); },
      add_config);
}

}  // namespace hotel::search
