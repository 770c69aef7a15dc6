#include "services/hotels/application/hotel_commands.hpp"

#include <gtest/gtest.h>

#include "chassis/blob/testing/memory_blob_store.hpp"
#include "services/hotels/application/demo_data.hpp"
#include "services/hotels/application/hotel_queries.hpp"
#include "services/hotels/application/inventory_projection.hpp"
#include "services/hotels/domain/inventory.hpp"
#include "services/hotels/testing/hotel_database.hpp"
#include "services/hotels/testing/hotel_documents.hpp"
#include "services/hotels/testing/inventory_events.hpp"

namespace hotel::hotels::application {
namespace {

using Kind = domain::Error::Kind;

const Actor kAdmin{"admin-1", "admin@hotel.test", true, false, "00-trace"};
const Actor kManager{"manager-1", "manager1@hotel.test", false, true, {}};
const Actor kCustomer{"customer-1", "customer@hotel.test", false, false, {}};

class HotelsCommandsTest : public ::testing::Test {
 protected:
  domain::Hotel create() {
    return commands_.create(kAdmin, hotels::testing::lisbon_input()).value();
  }
  std::vector<std::string> event_types() {
    std::vector<std::string> types;
    for (const auto& event : database_.events()) types.push_back(event.type);
    return types;
  }
  PhotoUpload upload(const std::string& bytes, std::string declared = "image/jpeg") {
    return {bytes, std::move(declared)};
  }

  hotels::testing::HotelDatabase database_;
  blob::testing::MemoryBlobStore blobs_;
  core::ManualClock clock_;
  CommandOptions options_ = [] {
    CommandOptions options;
    options.max_photos = 3;
    return options;
  }();
  HotelCommands commands_{database_.store(), blobs_, options_, clock_};
  HotelQueries queries_{database_.store(), blobs_};
  const std::string jpeg_ = images::solid_image(images::ImageFormat::kJpeg, 64, 48, 9, 9, 9);
  const std::string png_ = images::solid_image(images::ImageFormat::kPng, 64, 48, 9, 9, 9);
};

TEST_F(HotelsCommandsTest, OnlyAdminsChange) {
  EXPECT_EQ(commands_.create(kManager, hotels::testing::lisbon_input()).error().kind,
            Kind::kForbidden);
  const auto hotel = create();
  EXPECT_EQ(commands_.edit(kManager, hotel.id, 1, {}).error().kind, Kind::kForbidden);
  EXPECT_EQ(commands_.remove(kCustomer, hotel.id, 1).error().kind, Kind::kForbidden);
  EXPECT_EQ(commands_.put_photo(kManager, hotel.id, {}, upload(jpeg_), {}).error().kind,
            Kind::kForbidden);
  EXPECT_EQ(event_types(), (std::vector<std::string>{"hotel.created"}));
}

TEST_F(HotelsCommandsTest, CreateEditDeleteWithVersions) {
  const auto hotel = create();
  EXPECT_EQ(hotel.created_by, "admin-1");
  auto next = domain::input_of(hotel);
  next.details.name = "Casa Verde";
  EXPECT_EQ(commands_.edit(kAdmin, hotel.id, 7, next).error().kind, Kind::kPreconditionFailed);
  const auto edited = commands_.edit(kAdmin, hotel.id, 1, next);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->version, 2);
  EXPECT_EQ(commands_.edit(kAdmin, hotel.id, 1, next).error().kind, Kind::kPreconditionFailed);
  EXPECT_EQ(commands_.edit(kAdmin, "nope", 1, next).error().kind, Kind::kNotFound);

  EXPECT_EQ(commands_.remove(kAdmin, hotel.id, 1).error().kind, Kind::kPreconditionFailed);
  ASSERT_TRUE(commands_.remove(kAdmin, hotel.id, 2));
  EXPECT_EQ(commands_.edit(kAdmin, hotel.id, 3, next).error().kind, Kind::kNotFound);
  EXPECT_EQ(queries_.get(kAdmin, hotel.id).error().kind, Kind::kNotFound);

  const auto events = database_.events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].type, "hotel.updated");
  EXPECT_EQ(events[1].data.at("name"), "Casa Verde");
  EXPECT_EQ(events[1].data.at("version"), 2);
  EXPECT_EQ(events[1].traceparent, "00-trace");
  EXPECT_EQ(events[2].type, "hotel.deleted");
  EXPECT_EQ(events[2].data, (boost::json::value{{"id", hotel.id}, {"version", 3}}));
}

TEST_F(HotelsCommandsTest, RoomsCommittedOnANightAheadHoldTheirCount) {
  const auto hotel = create();
  const auto today = core::utc_day(clock_.system_now());
  // Booking's inventory: 2 suites committed in five days, 4 three days ago (past: no longer binds).
  const InventoryProjection projection(clock_);
  database_.db().write([&](store::Transaction& tx) {
    projection.apply(tx, hotels::testing::inventory_changed(
                             hotel.id, "suite", {{today + 5, 1, 1}, {today - 3, 0, 4}}));
  });
  auto next = domain::input_of(hotel);
  next.room_types[1].count = 1;
  const auto refused = commands_.edit(kAdmin, hotel.id, 1, next);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Kind::kConflict);
  EXPECT_EQ(refused.error().field, "room_types[1].count");
  EXPECT_EQ(commands_.remove(kAdmin, hotel.id, 1).error().kind, Kind::kConflict);
  next.room_types[1].count = 3;  // one over what is committed
  const auto kept = commands_.edit(kAdmin, hotel.id, 1, next);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept.value().version, 2);

  // Released (a cancellation: nothing committed that night), the count may go down and the
  // hotel may go.
  database_.db().write([&](store::Transaction& tx) {
    projection.apply(tx,
                     hotels::testing::inventory_changed(hotel.id, "suite", {{today + 5, 0, 0}}));
  });
  next.room_types[1].count = 0;
  EXPECT_TRUE(commands_.edit(kAdmin, hotel.id, 2, next));
  EXPECT_TRUE(commands_.remove(kAdmin, hotel.id, 3));
}

TEST_F(HotelsCommandsTest, CommittedNightsStopBindingOnceTheyPass) {
  const auto hotel = create();
  const auto today = core::utc_day(clock_.system_now());
  const InventoryProjection projection(clock_);
  database_.db().write([&](store::Transaction& tx) {
    projection.apply(tx,
                     hotels::testing::inventory_changed(hotel.id, "suite", {{today + 1, 0, 3}}));
    projection.apply(tx, hotels::testing::inventory_changed(hotel.id, "double", {{today, 1, 0}}));
  });
  auto next = domain::input_of(hotel);
  next.room_types[1].count = 1;
  EXPECT_EQ(commands_.edit(kAdmin, hotel.id, 1, next).error().kind, Kind::kConflict);
  clock_.advance(std::chrono::days(3));  // tomorrow's night is the day before yesterday now
  EXPECT_TRUE(commands_.edit(kAdmin, hotel.id, 1, next));
}

TEST_F(HotelsCommandsTest, OtherEventsAreSkippedAndBrokenOnesThrow) {
  const InventoryProjection projection(clock_);
  auto other = hotels::testing::inventory_changed("h1", "suite", {});
  other.type = "booking.confirmed";
  other.data = "anything";
  auto broken = hotels::testing::inventory_changed("h1", "suite", {});
  broken.subject = "h2";
  database_.db().write([&](store::Transaction& tx) {
    EXPECT_NO_THROW(projection.apply(tx, other));
    EXPECT_THROW(projection.apply(tx, broken), domain::InventoryContractError);
  });
}

TEST_F(HotelsCommandsTest, PhotosGoToGeneratedKeysAndOrphansAreRemoved) {
  const auto hotel = create();
  const auto added = commands_.put_photo(kAdmin, hotel.id, {}, upload(jpeg_), {});
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_TRUE(added->created);
  EXPECT_EQ(added->hotel.version, 2);
  const auto& photo = added->photo;
  EXPECT_EQ(photo.content_type, "image/jpeg");
  EXPECT_EQ(photo.width, 64);
  EXPECT_EQ(photo.blob_key.rfind("photos/" + hotel.id + "/", 0), 0u);
  EXPECT_EQ(blobs_.get(photo.blob_key)->bytes, jpeg_);
  EXPECT_TRUE(blobs_.exists(photo.thumbnail_key));

  // Replacing by id: new keys, the old files go.
  const auto replaced = commands_.put_photo(kAdmin, hotel.id, photo.id, upload(png_, ""), 2);
  ASSERT_TRUE(replaced);
  EXPECT_FALSE(replaced->created);
  EXPECT_EQ(replaced->photo.content_type, "image/png");
  EXPECT_NE(replaced->photo.blob_key, photo.blob_key);
  EXPECT_FALSE(blobs_.exists(photo.blob_key));
  EXPECT_EQ(blobs_.size(), 2u);

  const auto content = queries_.photo(hotel.id, photo.id, false);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->blob.bytes, png_);
  EXPECT_EQ(content->blob.content_type, "image/png");
  EXPECT_EQ(queries_.photo(hotel.id, photo.id, true)->blob.content_type, "image/jpeg");

  ASSERT_TRUE(commands_.remove_photo(kAdmin, hotel.id, photo.id, {}));
  EXPECT_EQ(blobs_.size(), 0u);
  EXPECT_FALSE(queries_.photo(hotel.id, photo.id, false));
  EXPECT_EQ(event_types(), (std::vector<std::string>{"hotel.created", "hotel.updated",
                                                     "hotel.updated", "hotel.updated"}));
}

TEST_F(HotelsCommandsTest, RejectedUploadsStoreNothing) {
  const auto hotel = create();
  const auto kind = [&](const std::string& bytes, std::string declared, std::string id = {},
                        std::optional<std::int64_t> version = {}) {
    const auto result = commands_.put_photo(kAdmin, hotel.id, id, upload(bytes, declared), version);
    EXPECT_FALSE(result) << "declared " << declared << ", id " << id;
    return result ? Kind::kInvalid : result.error().kind;
  };
  EXPECT_EQ(kind("<?php echo 1; ?>", "image/jpeg"), Kind::kUnsupportedMedia);
  EXPECT_EQ(kind("", "image/jpeg"), Kind::kInvalid);
  EXPECT_EQ(kind(jpeg_.substr(0, jpeg_.size() / 2), "image/jpeg"), Kind::kInvalid);
  EXPECT_EQ(kind(jpeg_, "image/png"), Kind::kUnsupportedMedia);  // declared type lies
  EXPECT_EQ(kind(jpeg_, "text/html"), Kind::kUnsupportedMedia);
  EXPECT_EQ(kind(jpeg_, "image/jpeg", "../../etc/passwd"), Kind::kInvalid);
  EXPECT_EQ(kind(jpeg_, "image/jpeg", {}, 9), Kind::kPreconditionFailed);
  EXPECT_EQ(commands_.put_photo(kAdmin, "nope", {}, upload(jpeg_), {}).error().kind,
            Kind::kNotFound);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(commands_.put_photo(kAdmin, hotel.id, {}, upload(jpeg_), {}));
  EXPECT_EQ(kind(jpeg_, "image/jpeg"), Kind::kConflict);  // max_photos
  EXPECT_EQ(blobs_.size(), 6u);
  EXPECT_EQ(database_.events().size(), 4u);
}

TEST_F(HotelsCommandsTest, FailedBlobWritesLeaveTheHotelAlone) {
  const auto hotel = create();
  blobs_.fail_puts(true);
  EXPECT_THROW(commands_.put_photo(kAdmin, hotel.id, {}, upload(jpeg_), {}), std::runtime_error);
  EXPECT_EQ(queries_.get(kAdmin, hotel.id)->version, 1);
  EXPECT_EQ(database_.events().size(), 1u);
}

TEST_F(HotelsCommandsTest, ReadsFollowRoles) {
  auto input = hotels::testing::lisbon_input();
  input.managers = {"manager-1"};
  const auto mine = commands_.create(kAdmin, input).value();
  const auto other = create();
  EXPECT_TRUE(queries_.get(kManager, mine.id));
  EXPECT_EQ(queries_.get(kManager, other.id).error().kind, Kind::kForbidden);
  EXPECT_EQ(queries_.get(kCustomer, mine.id).error().kind, Kind::kForbidden);
  EXPECT_EQ(queries_.list(kManager, {}).value().hotels.size(), 1u);
  EXPECT_EQ(queries_.list(kManager, {.all = true}).error().kind, Kind::kForbidden);
  EXPECT_EQ(queries_.list(kCustomer, {}).error().kind, Kind::kForbidden);
  const Actor other_admin{"admin-2", "", true, false, {}};
  EXPECT_TRUE(queries_.list(other_admin, {}).value().hotels.empty());
  EXPECT_EQ(queries_.list(other_admin, {.all = true}).value().hotels.size(), 2u);
}

TEST_F(HotelsCommandsTest, DemoDataBindsManagersAtTheirFirstCall) {
  EXPECT_EQ(seed_demo_hotels(database_.store(), blobs_, clock_), 6);
  EXPECT_EQ(seed_demo_hotels(database_.store(), blobs_, clock_), 0);  // idempotent
  EXPECT_EQ(blobs_.size(), 24u);
  EXPECT_TRUE(queries_.list(kManager, {}).value().hotels.empty());

  EXPECT_EQ(commands_.bind_pending_managers(kCustomer), 0);
  EXPECT_EQ(commands_.bind_pending_managers(kManager), 3);
  EXPECT_EQ(commands_.bind_pending_managers(kManager), 0);
  const auto page = queries_.list(kManager, {}).value();
  ASSERT_EQ(page.hotels.size(), 3u);
  EXPECT_EQ(page.hotels[0].managers, (std::vector<std::string>{"manager-1"}));
  EXPECT_EQ(page.hotels[0].version, 2);
  EXPECT_EQ(event_types().back(), "hotel.managers_changed");

  const Actor manager2{"manager-2", "Manager2@Hotel.test", false, true, {}};
  EXPECT_EQ(commands_.bind_pending_managers(manager2), 3);
  EXPECT_EQ(commands_.bind_pending_managers(manager2), 0);
}

}  // namespace
}  // namespace hotel::hotels::application
