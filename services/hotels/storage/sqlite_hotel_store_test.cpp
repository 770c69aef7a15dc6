#include "services/hotels/storage/sqlite_hotel_store.hpp"
#include "services/hotels/storage/room_nights.hpp"

#include <gtest/gtest.h>

#include "services/hotels/domain/hotel_changes.hpp"
#include "services/hotels/storage/room_nights.hpp"
#include "services/hotels/testing/hotel_database.hpp"
#include "services/hotels/testing/hotel_documents.hpp"

namespace hotel::hotels::storage {
namespace {

using domain::Hotel;

const domain::TimePoint kT0{std::chrono::milliseconds(1'700'000'000'123)};

Hotel hotel_by(const std::string& id, const std::string& creator) {
  return domain::create_hotel(id, hotels::testing::lisbon_input(), creator, kT0).hotel;
}

class HotelsStoreTest : public ::testing::Test {
 protected:
  void insert(const Hotel& hotel) {
    store().write([&](HotelRepository& repo) { repo.insert(hotel); });
  }
  std::optional<Hotel> find(const std::string& id) {
    std::optional<Hotel> hotel;
    store().read([&](HotelRepository& repo) { hotel = repo.find(id); });
    return hotel;
  }
  HotelPage list(HotelQuery query) {
    HotelPage page;
    store().read([&](HotelRepository& repo) { page = repo.list(query); });
    return page;
  }
  SqliteHotelStore& store() { return database_.store(); }

  hotels::testing::HotelDatabase database_;
};

TEST_F(HotelsStoreTest, StoresEveryPartOfAHotel) {
  auto hotel = hotel_by("h1", "admin-1");
  hotel.photos = {{"p2", "image/png", 10, 20, 300, "e2", "photos/h1/b", "photos/h1/b-thumb.jpg"},
                  {"p1", "image/jpeg", 30, 40, 500, "e1", "photos/h1/a", "photos/h1/a-thumb.jpg"}};
  insert(hotel);
  const auto found = find("h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->details, hotel.details);
  EXPECT_EQ(found->room_types, hotel.room_types);
  EXPECT_EQ(found->managers, hotel.managers);
  EXPECT_EQ(found->photos, hotel.photos);  // in order
  EXPECT_EQ(found->created_at, kT0);
  EXPECT_EQ(found->version, 1);
  EXPECT_FALSE(found->deleted);
  EXPECT_FALSE(find("nope"));
}

TEST_F(HotelsStoreTest, UpdateReplacesPartsAndDeletionHidesFromListsAndPhotos) {
  auto hotel = hotel_by("h1", "admin-1");
  hotel.photos = {{"p1", "image/jpeg", 30, 40, 500, "e1", "k", "t"}};
  insert(hotel);
  hotel.version = 2;
  hotel.room_types.pop_back();
  hotel.managers = {"user-z"};
  hotel.details.amenities = {};
  store().write([&](HotelRepository& repo) { repo.update(hotel); });
  auto found = find("h1");
  EXPECT_EQ(found->room_types.size(), 1u);
  EXPECT_EQ(found->managers, (std::vector<std::string>{"user-z"}));
  EXPECT_TRUE(found->details.amenities.empty());
  store().read([&](HotelRepository& repo) { EXPECT_TRUE(repo.find_photo("h1", "p1")); });

  hotel.deleted = true;
  store().write([&](HotelRepository& repo) { repo.update(hotel); });
  EXPECT_TRUE(find("h1")->deleted);
  EXPECT_TRUE(list({}).hotels.empty());
  store().read([&](HotelRepository& repo) { EXPECT_FALSE(repo.find_photo("h1", "p1")); });
}

TEST_F(HotelsStoreTest, ListsByCreatorManagerOrAllInPages) {
  for (int i = 0; i < 5; ++i) {
    auto hotel = hotel_by("h" + std::to_string(i), i % 2 ? "admin-odd" : "admin-even");
    hotel.managers = {i < 2 ? "manager-1" : "manager-2"};
    insert(hotel);
  }
  const auto ids = [](const HotelPage& page) {
    std::vector<std::string> out;
    for (const auto& h : page.hotels) out.push_back(h.id);
    return out;
  };
  auto page = list({HotelQuery::Scope::kAll, {}, 0, 2});
  EXPECT_EQ(ids(page), (std::vector<std::string>{"h0", "h1"}));
  ASSERT_TRUE(page.next);
  page = list({HotelQuery::Scope::kAll, {}, *page.next, 2});
  EXPECT_EQ(ids(page), (std::vector<std::string>{"h2", "h3"}));
  page = list({HotelQuery::Scope::kAll, {}, *page.next, 2});
  EXPECT_EQ(ids(page), (std::vector<std::string>{"h4"}));
  EXPECT_FALSE(page.next);

  EXPECT_EQ(ids(list({HotelQuery::Scope::kCreatedBy, "admin-odd", 0, 10})),
            (std::vector<std::string>{"h1", "h3"}));
  EXPECT_EQ(ids(list({HotelQuery::Scope::kManagedBy, "manager-1", 0, 10})),
            (std::vector<std::string>{"h0", "h1"}));
  EXPECT_TRUE(list({HotelQuery::Scope::kManagedBy, "nobody", 0, 10}).hotels.empty());
}

TEST_F(HotelsStoreTest, EventsCommitWithTheChangeOrNotAtAll) {
  const auto change = domain::create_hotel("h1", hotels::testing::lisbon_input(), "a", kT0);
  EXPECT_THROW(store().write([&](HotelRepository& repo) {
    repo.insert(change.hotel);
    for (auto& event : domain::events_of(change, {})) repo.publish(std::move(event));
    throw std::runtime_error("crash before commit");
  }),
               std::runtime_error);
  EXPECT_FALSE(find("h1"));
  EXPECT_TRUE(database_.events().empty());

  store().write([&](HotelRepository& repo) {
    repo.insert(change.hotel);
    for (auto& event : domain::events_of(change, {})) repo.publish(std::move(event));
  });
  ASSERT_EQ(database_.events().size(), 1u);
  EXPECT_EQ(database_.events()[0].type, "hotel.created");
  EXPECT_THROW(store().read([&](HotelRepository& repo) { repo.insert(change.hotel); }),
               std::logic_error);
}

TEST_F(HotelsStoreTest, PendingManagersAndBookedRooms) {
  insert(hotel_by("h1", "a"));
  insert(hotel_by("h2", "a"));
  store().write([](HotelRepository& repo) {
    repo.add_pending_manager("m@hotel.test", "h2");
    repo.add_pending_manager("m@hotel.test", "h1");
    repo.add_pending_manager("m@hotel.test", "h1");
  });
  store().read([](HotelRepository& repo) {
    EXPECT_TRUE(repo.has_pending_managers());
    EXPECT_EQ(repo.pending_hotels_of("m@hotel.test"), (std::vector<std::string>{"h1", "h2"}));
    EXPECT_TRUE(repo.booked_rooms("h1", 0).empty());
  });
  store().write([](HotelRepository& repo) { repo.remove_pending_managers("m@hotel.test"); });
  store().read([](HotelRepository& repo) { EXPECT_FALSE(repo.has_pending_managers()); });
  // Rooms committed per night: the most on one night from the given day on, per room type.
  database_.db().write([](store::Transaction& tx) {
    apply_inventory_change(tx.db(), {"h1", "suite", {{100, 1, 1}, {101, 0, 3}, {90, 5, 5}}}, 95);
    apply_inventory_change(tx.db(), {"h1", "double", {{100, 1, 0}}}, 95);
    apply_inventory_change(tx.db(), {"h2", "suite", {{100, 9, 9}}}, 95);
  });
  store().read([](HotelRepository& repo) {
    EXPECT_EQ(repo.booked_rooms("h1", 95), (domain::BookedRooms{{"double", 1}, {"suite", 3}}));
    EXPECT_EQ(repo.booked_rooms("h1", 101), (domain::BookedRooms{{"suite", 3}}));
    EXPECT_TRUE(repo.booked_rooms("h1", 102).empty());
  });
  // A night with nothing committed goes; nights before the kept day are pruned.
  database_.db().write([](store::Transaction& tx) {
    apply_inventory_change(tx.db(), {"h1", "suite", {{101, 0, 0}}}, 101);
  });
  store().read([](HotelRepository& repo) {
    EXPECT_EQ(repo.booked_rooms("h1", 0), (domain::BookedRooms{{"double", 1}}));
  });
}

TEST(HotelsMigrationsTest, AFeedOnlyDatabaseUpgradesInPlace) {
  store::testing::TempDir dir;
  store::Database db({.path = dir.file("hotels.db"), .readers = 1});
  const store::Migration feed_only[] = {events::outbox_migration(1)};
  store::apply_migrations(db, feed_only);
  events::Outbox outbox(db, "hotel/hotels");
  db.write([&](store::Transaction& tx) { outbox.append(tx, {"old.event", "s", {}, {}}); });
  EXPECT_EQ(store::apply_migrations(db, migrations()), 3);
  EXPECT_EQ(outbox.read_after(0, 10).size(), 1u);
  EXPECT_EQ(store::apply_migrations(db, migrations()), 0);
}

}  // namespace
}  // namespace hotel::hotels::storage
