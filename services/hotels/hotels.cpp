#include "services/hotels/hotels.hpp"

#include <filesystem>

#include "chassis/blob/fs_blob_store.hpp"
#include "chassis/events/admin.hpp"
#include "chassis/events/consumer_store.hpp"
#include "chassis/events/subscription.hpp"
#include "chassis/service/config.hpp"
#include "services/common/feed_service.hpp"
#include "services/hotels/api/routes.hpp"
#include "services/hotels/application/demo_data.hpp"
#include "services/hotels/application/inventory_projection.hpp"
#include "services/hotels/storage/migrations.hpp"
#include "services/hotels/storage/sqlite_hotel_store.hpp"

namespace hotel::hotels {
namespace {

void add_config(service::ConfigSchema& schema) {
  using service::ConfigType;
  schema.add({"hotels.verify_managers",
              ConfigType::kBool,
              true,
              {},
              {},
              {},
              "Check assigned managers with identity's admin API (GET /v1/users/{id})"});
  schema.add({"hotels.max_photo_bytes",
              ConfigType::kInt,
              std::int64_t{10 << 20},
              1024,
              64 << 20,
              {},
              "Largest photo upload in bytes"});
  schema.add(
      {"hotels.max_photos", ConfigType::kInt, std::int64_t{30}, 1, 200, {}, "Photos per hotel"});
}

std::unique_ptr<clients::UserDirectory> user_directory(service::ServiceContext& context) {
  if (!context.config.get_bool("hotels.verify_managers")) {
    return std::make_unique<clients::TrustingUserDirectory>();
  }
  return std::make_unique<clients::IdentityUserDirectory>(context.resolver, context.client);
}

application::CommandOptions command_options(const service::Config& config) {
  application::CommandOptions options;
  options.images.max_bytes = static_cast<std::size_t>(config.get_int("hotels.max_photo_bytes"));
  options.max_photos = static_cast<std::size_t>(config.get_int("hotels.max_photos"));
  return options;
}

// The name of the subscription to booking's feed (its cursor's key).
constexpr const char* kInventorySubscription = "hotels.inventory";

class HotelsService final : public services::FeedService {
 public:
  explicit HotelsService(service::ServiceContext& context)
      : FeedService(context, storage::migrations(), store::Synchronous::kNormal),
        store_(database(), outbox()),
        blobs_(std::filesystem::path(context.data_dir) / "blobs"),
        users_(user_directory(context)),
        commands_(store_, blobs_, command_options(context.config)),
        queries_(store_, blobs_),
        api_{context.runtime,
             commands_,
             queries_,
             *users_,
             {},
             static_cast<std::size_t>(context.config.get_int("hotels.max_photo_bytes"))},
        consumer_(database()) {
    events::SubscriptionOptions options;
    options.name = kInventorySubscription;
    options.producer = "booking";
    options.resolver = &context.resolver;
    options.handler = [this](store::Transaction& tx, const events::Event& event) {
      inventory_.apply(tx, event);
    };
    inventory_subscription_ = std::make_unique<events::Subscription>(
        context.runtime, context.client, consumer_, std::move(options), &context.metrics,
        &context.logger);
  }

  void add_routes(http::Router& router) override {
    FeedService::add_routes(router);
    api::add_routes(router, api_);
    events::add_event_admin_routes(router, consumer_, context_.runtime,
                                   {inventory_subscription_.get()});
  }

  void start() override { inventory_subscription_->start(); }
  void stop() override { inventory_subscription_->stop(); }

  void seed_demo_data() override {
    application::seed_demo_hotels(store_, blobs_);
    commands_.note_pending_managers();
  }

 private:
  storage::SqliteHotelStore store_;
  blob::FsBlobStore blobs_;
  std::unique_ptr<clients::UserDirectory> users_;
  application::HotelCommands commands_;
  application::HotelQueries queries_;
  api::ApiContext api_;
  events::ConsumerStore consumer_;
  application::InventoryProjection inventory_;
  std::unique_ptr<events::Subscription> inventory_subscription_;
};

}  // namespace

void append(service::ServiceList& list) {
  list.append(
      "hotels", kDefaultPort,
      [](service::ServiceContext& context) { return std::make_unique<HotelsService>(context); },
      add_config);
}

}  // namespace hotel::hotels
