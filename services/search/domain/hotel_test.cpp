#include "services/search/domain/hotel.hpp"

#include <gtest/gtest.h>

#include "services/search/testing/sample_hotel.hpp"

namespace hotel::search::domain {
namespace {

using search::testing::hotel_event;
using search::testing::sample_hotel;

std::string malformed_field(const boost::json::value& data) {
  try {
    parse_snapshot(data);
  } catch (const MalformedHotel& error) {
    return error.field();
  }
  return "(accepted)";
}

TEST(SearchHotel, ParsesTheContractSnapshot) {
  const auto h = parse_snapshot(sample_hotel("h-9", 3));
  EXPECT_EQ(h.id, "h-9");
  EXPECT_EQ(h.version, 3);
  EXPECT_EQ(h.city, "São Paulo");
  EXPECT_EQ(h.stars, 4);
  EXPECT_DOUBLE_EQ(h.latitude, -23.5614);
  ASSERT_EQ(h.room_types.size(), 2u);
  EXPECT_EQ(h.room_types[1].capacity, 4);
  EXPECT_EQ(h.room_types[1].price.amount, 26000);
  EXPECT_EQ(h.thumbnail_url, "/v1/hotels/h/photos/p-1/thumbnail");  // lowest order
  EXPECT_EQ(from_price(h), 15000);
}

TEST(SearchHotel, TheDetailLeavesManagersAndCreatorOut) {
  const auto h = parse_snapshot(sample_hotel());
  EXPECT_FALSE(h.detail.contains("managers"));
  EXPECT_FALSE(h.detail.contains("created_by"));
  EXPECT_TRUE(h.detail.contains("room_types"));
  EXPECT_TRUE(h.detail.contains("photos"));
  EXPECT_EQ(h.detail.at("name"), "Grand Hotel Paulista");
}

TEST(SearchHotel, AHotelWithoutRoomTypesOffersItsBasePriceToNoGuestCount) {
  auto data = sample_hotel();
  data["room_types"] = boost::json::array{};
  const auto h = parse_snapshot(data);
  EXPECT_EQ(offers(h), (std::vector<Offer>{{0, 12000}}));
  EXPECT_EQ(from_price(h), 12000);
}

TEST(SearchHotel, RefusesSnapshotsThatBreakTheContractNamingTheField) {
  const auto with = [](const char* field, boost::json::value value) {
    auto data = sample_hotel();
    data[field] = std::move(value);
    return data;
  };
  auto without_city = sample_hotel();
  without_city.erase("city");
  EXPECT_EQ(malformed_field(without_city), "city");
  EXPECT_EQ(malformed_field(with("id", "")), "id");
  EXPECT_EQ(malformed_field(with("version", 0)), "version");
  EXPECT_EQ(malformed_field(with("version", "2")), "version");
  EXPECT_EQ(malformed_field(with("latitude", 91)), "latitude");
  EXPECT_EQ(malformed_field(with("longitude", "east")), "longitude");
  EXPECT_EQ(malformed_field(with("stars", 6)), "stars");
  EXPECT_EQ(malformed_field(with("base_price", 100)), "base_price");
  EXPECT_EQ(malformed_field(with("amenities", boost::json::array{1})), "amenities");
  EXPECT_EQ(malformed_field(with("photos", "none")), "photos");
  EXPECT_EQ(malformed_field(boost::json::value("not an object")), "data");

  auto bad_room = sample_hotel();
  bad_room["room_types"].as_array()[1].as_object()["capacity"] = 0;
  EXPECT_EQ(malformed_field(bad_room), "room_types[1].capacity");
  auto bad_currency = sample_hotel();
  bad_currency["room_types"].as_array()[0].as_object()["price"].as_object()["currency"] = "eur";
  EXPECT_EQ(malformed_field(bad_currency), "room_types[0].price.currency");
}

TEST(SearchHotel, EventsBecomeChangesAndUnknownTypesAreSkipped) {
  for (const char* type :
       {"hotel.created", "hotel.updated", "hotel.rooms_changed", "hotel.managers_changed"}) {
    const auto change = hotel_change(hotel_event(type, 1, sample_hotel("h-1", 2)));
    ASSERT_TRUE(change.has_value()) << type;
    EXPECT_TRUE(std::holds_alternative<HotelSnapshot>(*change));
  }
  const auto deleted = hotel_change(
      hotel_event("hotel.deleted", 2, boost::json::object{{"id", "h-1"}, {"version", 3}}));
  ASSERT_TRUE(deleted.has_value());
  EXPECT_EQ(std::get<HotelDeletion>(*deleted).version, 3);
  EXPECT_FALSE(hotel_change(hotel_event("hotel.photo_resized", 3, sample_hotel())).has_value());
  EXPECT_FALSE(hotel_change(hotel_event("booking.requested", 4, {})).has_value());
}

TEST(SearchHotel, RefusesAnEventWhoseSubjectIsAnotherHotel) {
  auto event = hotel_event("hotel.updated", 1, sample_hotel("h-1"));
  event.subject = "h-2";
  EXPECT_THROW(hotel_change(event), MalformedHotel);
  auto deletion = hotel_event("hotel.deleted", 2, boost::json::object{{"id", "h-1"}});
  EXPECT_THROW(hotel_change(deletion), MalformedHotel);  // no version
}

}  // namespace
}  // namespace hotel::search::domain
