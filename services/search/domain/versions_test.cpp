#include "services/search/domain/versions.hpp"

#include <gtest/gtest.h>

namespace hotel::search::domain {
namespace {

HotelChange snapshot(std::int64_t version) {
  HotelSnapshot h;
  h.id = "h1";
  h.version = version;
  return h;
}
HotelChange deletion(std::int64_t version) { return HotelDeletion{"h1", version}; }

TEST(SearchVersions, NewHotelsAreInsertedAndUnknownDeletionsLeaveATombstone) {
  EXPECT_EQ(decide(std::nullopt, snapshot(1)), Action::kUpsert);
  EXPECT_EQ(decide(std::nullopt, deletion(4)), Action::kDelete);
}

TEST(SearchVersions, OnlyNewerVersionsApply) {
  const StoredVersion live{3, false};
  EXPECT_EQ(decide(live, snapshot(4)), Action::kUpsert);
  EXPECT_EQ(decide(live, snapshot(3)), Action::kIgnore);  // the same event again
  EXPECT_EQ(decide(live, snapshot(2)), Action::kIgnore);  // late and older
  EXPECT_EQ(decide(live, deletion(4)), Action::kDelete);
  EXPECT_EQ(decide(live, deletion(3)), Action::kIgnore);
}

TEST(SearchVersions, ATombstoneKeepsOlderUpdatesFromResurrectingAHotel) {
  const StoredVersion tombstone{5, true};
  EXPECT_EQ(decide(tombstone, snapshot(4)), Action::kIgnore);
  EXPECT_EQ(decide(tombstone, snapshot(5)), Action::kIgnore);
  EXPECT_EQ(decide(tombstone, deletion(5)), Action::kIgnore);
  EXPECT_EQ(decide(tombstone, snapshot(6)), Action::kUpsert);  // re-created with a newer version
}

TEST(SearchVersions, ChangesNameTheirHotelAndVersion) {
  EXPECT_EQ(version_of(snapshot(7)), 7);
  EXPECT_EQ(version_of(deletion(8)), 8);
  EXPECT_EQ(id_of(deletion(8)), "h1");
}

}  // namespace
}  // namespace hotel::search::domain
