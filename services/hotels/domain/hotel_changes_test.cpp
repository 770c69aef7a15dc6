#include "services/hotels/domain/hotel_changes.hpp"

#include <gtest/gtest.h>

#include "services/hotels/domain/hotel_json.hpp"
#include "services/hotels/testing/hotel_documents.hpp"

namespace hotel::hotels::domain {
namespace {

const TimePoint kT0{std::chrono::seconds(1'700'000'000)};
const TimePoint kT1 = kT0 + std::chrono::minutes(5);

Photo photo(const char* id) {
  return {id, "image/jpeg", 64, 48, 1000, std::string("etag-") + id, "k", "t"};
}

Hotel created() {
  return create_hotel("h1", hotels::testing::lisbon_input(), "admin-1", kT0).hotel;
}

TEST(HotelsChangesTest, CreateStartsAtVersionOneWithSortedManagers) {
  const auto change = create_hotel("h1", hotels::testing::lisbon_input(), "admin-1", kT0);
  EXPECT_EQ(change.hotel.version, 1);
  EXPECT_EQ(change.hotel.managers, (std::vector<std::string>{"user-a", "user-b"}));
  EXPECT_EQ(change.hotel.created_by, "admin-1");
  EXPECT_EQ(change.event_types, (std::vector<std::string>{"hotel.created"}));
}

TEST(HotelsChangesTest, EditEmitsOneEventPerChangedAspect) {
  const auto hotel = created();
  auto next = input_of(hotel);
  EXPECT_TRUE(edit_hotel(hotel, next, {}, kT1)->event_types.empty());
  EXPECT_EQ(edit_hotel(hotel, next, {}, kT1)->hotel.version, 1);  // nothing changed

  next.details.stars = 5;
  next.room_types[0].count = 11;
  next.managers = {"user-c"};
  const auto change = edit_hotel(hotel, next, {}, kT1);
  ASSERT_TRUE(change);
  EXPECT_EQ(change->event_types, (std::vector<std::string>{"hotel.updated", "hotel.rooms_changed",
                                                           "hotel.managers_changed"}));
  EXPECT_EQ(change->hotel.version, 2);
  EXPECT_EQ(change->hotel.updated_at, kT1);
  EXPECT_EQ(change->hotel.created_at, kT0);

  auto managers_only = input_of(hotel);
  managers_only.managers = {"user-b", "user-a"};  // same set, other order: no change
  EXPECT_TRUE(edit_hotel(hotel, managers_only, {}, kT1)->event_types.empty());
}

TEST(HotelsChangesTest, RoomsCannotDropBelowWhatIsBooked) {
  const auto hotel = created();
  const BookedRooms booked{{"suite", 2}};
  auto next = input_of(hotel);
  next.room_types[1].count = 1;
  const auto refused = edit_hotel(hotel, next, booked, kT1);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::kConflict);
  EXPECT_EQ(refused.error().field, "room_types[1].count");

  next.room_types.pop_back();  // removing the type is dropping to zero
  EXPECT_EQ(edit_hotel(hotel, next, booked, kT1).error().field, "room_types");

  next = input_of(hotel);
  next.room_types[1].count = 2;
  EXPECT_TRUE(edit_hotel(hotel, next, booked, kT1));
  EXPECT_FALSE(delete_hotel(hotel, booked, kT1));

  // More booked than the count (booking kept bookings a reduction overtook): the count may
  // stay or grow, other edits go through, but it may not go further down.
  const BookedRooms over{{"suite", 5}};
  next = input_of(hotel);
  next.details.name = "Renamed";
  EXPECT_TRUE(edit_hotel(hotel, next, over, kT1));
  next.room_types[1].count = 4;
  EXPECT_TRUE(edit_hotel(hotel, next, over, kT1));
  next.room_types[1].count = 1;
  EXPECT_EQ(edit_hotel(hotel, next, over, kT1).error().field, "room_types[1].count");
}

TEST(HotelsChangesTest, DeleteIsSoftAndCarriesOnlyIdAndVersion) {
  const auto change = delete_hotel(created(), {}, kT1);
  ASSERT_TRUE(change);
  EXPECT_TRUE(change->hotel.deleted);
  EXPECT_EQ(change->hotel.version, 2);
  const auto events = events_of(change.value(), "00-trace");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "hotel.deleted");
  EXPECT_EQ(events[0].subject, "h1");
  EXPECT_EQ(events[0].traceparent, "00-trace");
  EXPECT_EQ(events[0].data, (boost::json::value{{"id", "h1"}, {"version", 2}}));
}

TEST(HotelsChangesTest, PhotosAddReplaceRemoveReorder) {
  auto hotel = created();
  hotel = put_photo(hotel, photo("a"), 2, kT1)->hotel;
  hotel = put_photo(hotel, photo("b"), 2, kT1)->hotel;
  EXPECT_EQ(hotel.version, 3);
  const auto full = put_photo(hotel, photo("c"), 2, kT1);
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().kind, Error::Kind::kConflict);

  auto replacement = photo("a");
  replacement.etag = "new";
  hotel = put_photo(hotel, replacement, 2, kT1)->hotel;  // replacing is fine when full
  EXPECT_EQ(hotel.photos[0].etag, "new");

  EXPECT_EQ(reorder_photos(hotel, {"b"}, kT1).error().field, "photos");
  EXPECT_EQ(reorder_photos(hotel, {"b", "b"}, kT1).error().field, "photos[1]");
  EXPECT_EQ(reorder_photos(hotel, {"b", "z"}, kT1).error().field, "photos[1]");
  EXPECT_TRUE(reorder_photos(hotel, {"a", "b"}, kT1)->event_types.empty());
  hotel = reorder_photos(hotel, {"b", "a"}, kT1)->hotel;
  EXPECT_EQ(hotel.photos[0].id, "b");

  EXPECT_EQ(remove_photo(hotel, "zzz", kT1).error().kind, Error::Kind::kNotFound);
  const auto removed = remove_photo(hotel, "b", kT1);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->hotel.photos.size(), 1u);
  EXPECT_EQ(removed->event_types, (std::vector<std::string>{"hotel.updated"}));
}

TEST(HotelsChangesTest, AddManagersOnlyWhenNew) {
  const auto hotel = created();
  EXPECT_TRUE(add_managers(hotel, {"user-a"}, kT1).event_types.empty());
  const auto change = add_managers(hotel, {"user-0"}, kT1);
  EXPECT_EQ(change.event_types, (std::vector<std::string>{"hotel.managers_changed"}));
  EXPECT_EQ(change.hotel.managers, (std::vector<std::string>{"user-0", "user-a", "user-b"}));
}

TEST(HotelsChangesTest, SnapshotFollowsTheContract) {
  auto hotel = put_photo(created(), photo("p1"), 5, kT1)->hotel;
  const auto snapshot = hotel_snapshot(hotel);
  for (const auto* key :
       {"id",         "version",   "name",     "description", "address",
        "city",       "country",   "latitude", "longitude",   "stars",
        "base_price", "amenities", "check_in", "check_out",   "instant_confirmation",
        "room_types", "managers",  "photos",   "created_by",  "updated_at"}) {
    EXPECT_TRUE(snapshot.contains(key)) << key;
  }
  EXPECT_EQ(snapshot.size(), 20u);
  EXPECT_EQ(snapshot.at("base_price"),
            (boost::json::value{{"amount", 12000}, {"currency", "EUR"}}));
  EXPECT_EQ(snapshot.at("updated_at"), "2023-11-14T22:18:20.000Z");
  const auto& room = snapshot.at("room_types").as_array()[1].as_object();
  EXPECT_EQ(room.at("id"), "suite");
  EXPECT_EQ(room.at("price").as_object().at("amount"), 30000);
  const auto& p = snapshot.at("photos").as_array()[0].as_object();
  EXPECT_EQ(p.at("order"), 0);
  EXPECT_EQ(p.at("url"), "/v1/hotels/h1/photos/p1?v=etag-p1");
  EXPECT_EQ(p.at("thumbnail_url"), "/v1/hotels/h1/photos/p1/thumbnail?v=etag-p1");
  EXPECT_EQ(p.size(), 7u);
}

TEST(HotelsChangesTest, PhotoIds) {
  EXPECT_TRUE(valid_photo_id("Lobby_1-a"));
  EXPECT_TRUE(valid_photo_id(std::string(64, 'a')));
  EXPECT_FALSE(valid_photo_id(std::string(65, 'a')));
  EXPECT_FALSE(valid_photo_id(""));
  EXPECT_FALSE(valid_photo_id("../x"));
  EXPECT_FALSE(valid_photo_id("a.jpg"));
}

}  // namespace
}  // namespace hotel::hotels::domain
