#include "services/hotels/domain/hotel_input.hpp"

#include <gtest/gtest.h>

#include "services/hotels/testing/hotel_documents.hpp"

namespace hotel::hotels::domain {
namespace {

using hotels::testing::lisbon_document;

// The field and message of the error a document gets, or "ok".
std::string fault_of(const boost::json::object& body) {
  const auto result = read_hotel_document(body);
  if (result) return "ok";
  EXPECT_EQ(result.error().kind, Error::Kind::kInvalid);
  return result.error().field;
}

boost::json::object with(const char* field, boost::json::value value) {
  auto body = lisbon_document();
  body[field] = std::move(value);
  return body;
}

TEST(HotelsInputTest, ReadsAWholeDocument) {
  const auto input = read_hotel_document(lisbon_document());
  ASSERT_TRUE(input);
  const auto& d = input->details;
  EXPECT_EQ(d.name, "Casa Azul");
  EXPECT_EQ(d.country, "PT");
  EXPECT_DOUBLE_EQ(d.latitude, 38.71);
  EXPECT_EQ(d.stars, 4);
  EXPECT_EQ(d.base_price, (Money{12000, "EUR"}));
  EXPECT_EQ(d.amenities, (std::vector<std::string>{"wifi", "bar"}));
  ASSERT_EQ(input->room_types.size(), 2u);
  EXPECT_EQ(input->room_types[0].id, "double-room");  // made from the name
  EXPECT_EQ(input->room_types[1].id, "suite");
  EXPECT_EQ(input->managers, (std::vector<std::string>{"user-b", "user-a"}));
}

TEST(HotelsInputTest, OptionalFieldsDefault) {
  auto body = lisbon_document();
  for (const auto* name :
       {"description", "amenities", "instant_confirmation", "room_types", "managers"}) {
    body.erase(name);
  }
  const auto input = read_hotel_document(body);
  ASSERT_TRUE(input);
  EXPECT_EQ(input->details.description, "");
  EXPECT_TRUE(input->room_types.empty());
  EXPECT_TRUE(input->managers.empty());
}

TEST(HotelsInputTest, RequiredFieldsAreNamed) {
  for (const auto* name : {"name", "address", "city", "country", "latitude", "longitude", "stars",
                           "base_price", "check_in", "check_out"}) {
    auto body = lisbon_document();
    body.erase(name);
    EXPECT_EQ(fault_of(body), name);
  }
}

TEST(HotelsInputTest, UnknownReadOnlyAndNullFieldsAreRefused) {
  EXPECT_EQ(fault_of(with("rating", 5)), "rating");
  EXPECT_EQ(fault_of(with("id", "x")), "id");
  EXPECT_EQ(fault_of(with("version", 3)), "version");
  EXPECT_EQ(fault_of(with("photos", boost::json::array())), "photos");
  EXPECT_EQ(fault_of(with("description", nullptr)), "description");
  auto body = lisbon_document();
  body["room_types"].as_array()[1].as_object()["beds"] = 2;
  EXPECT_EQ(fault_of(body), "room_types[1].beds");
  body = lisbon_document();
  body["base_price"].as_object()["tax"] = 1;
  EXPECT_EQ(fault_of(body), "base_price.tax");
}

TEST(HotelsInputTest, RangesAndFormats) {
  EXPECT_EQ(fault_of(with("name", "")), "name");
  EXPECT_EQ(fault_of(with("name", "   ")), "name");
  EXPECT_EQ(fault_of(with("name", boost::json::string(121, 'x'))), "name");
  EXPECT_EQ(fault_of(with("name", boost::json::string(120, 'x'))), "ok");
  EXPECT_EQ(fault_of(with("name", "two\nlines")), "name");
  EXPECT_EQ(fault_of(with("description", "two\nlines\tok")), "ok");
  EXPECT_EQ(fault_of(with("description", "bell\a")), "description");
  EXPECT_EQ(fault_of(with("city", 7)), "city");
  EXPECT_EQ(fault_of(with("country", "pt")), "country");
  EXPECT_EQ(fault_of(with("country", "XX")), "country");
  EXPECT_EQ(fault_of(with("country", "PRT")), "country");
  EXPECT_EQ(fault_of(with("latitude", 90.5)), "latitude");
  EXPECT_EQ(fault_of(with("latitude", -90)), "ok");
  EXPECT_EQ(fault_of(with("longitude", -180.01)), "longitude");
  EXPECT_EQ(fault_of(with("longitude", "9.1")), "longitude");
  EXPECT_EQ(fault_of(with("stars", 0)), "stars");
  EXPECT_EQ(fault_of(with("stars", 6)), "stars");
  EXPECT_EQ(fault_of(with("stars", 4.5)), "stars");
  EXPECT_EQ(fault_of(with("check_in", "24:00")), "check_in");
  EXPECT_EQ(fault_of(with("check_out", "9:00")), "check_out");
  EXPECT_EQ(fault_of(with("check_out", "09:60")), "check_out");
  EXPECT_EQ(fault_of(with("instant_confirmation", "yes")), "instant_confirmation");
  EXPECT_EQ(fault_of(with("amenities", boost::json::array{"wifi", "jacuzzi"})), "amenities[1]");
  EXPECT_EQ(fault_of(with("amenities", boost::json::array{"wifi", "wifi"})), "amenities[1]");
  EXPECT_EQ(fault_of(with("managers", boost::json::array{"a", "a"})), "managers[1]");
  EXPECT_EQ(fault_of(with("managers", boost::json::array{"a", "has space"})), "managers[1]");
}

TEST(HotelsInputTest, MoneyIsIntegerMinorUnitsInAKnownCurrency) {
  const auto price = [](boost::json::value amount, const char* currency) {
    return with("base_price", boost::json::object{{"amount", amount}, {"currency", currency}});
  };
  EXPECT_EQ(fault_of(price(12000, "EUR")), "ok");
  EXPECT_EQ(fault_of(price(120.5, "EUR")), "base_price.amount");
  EXPECT_EQ(fault_of(price(-1, "EUR")), "base_price.amount");
  EXPECT_EQ(fault_of(price(boost::json::value(std::uint64_t{1} << 63), "EUR")),
            "base_price.amount");
  EXPECT_EQ(fault_of(price(1, "eur")), "base_price.currency");
  EXPECT_EQ(fault_of(price(1, "XTS")), "base_price.currency");
  EXPECT_EQ(fault_of(with("base_price", 12000)), "base_price");
}

TEST(HotelsInputTest, RoomTypesAreCheckedOneByOne) {
  const auto room_field = [](std::size_t index, const char* field, boost::json::value value) {
    auto body = lisbon_document();
    body["room_types"].as_array()[index].as_object()[field] = std::move(value);
    return fault_of(body);
  };
  EXPECT_EQ(room_field(1, "count", -1), "room_types[1].count");
  EXPECT_EQ(room_field(1, "count", 0), "ok");
  EXPECT_EQ(room_field(0, "capacity", 0), "room_types[0].capacity");
  EXPECT_EQ(room_field(0, "capacity", 21), "room_types[0].capacity");
  EXPECT_EQ(room_field(0, "name", ""), "room_types[0].name");
  EXPECT_EQ(room_field(1, "id", "Suite!"), "room_types[1].id");
  EXPECT_EQ(room_field(1, "id", "-suite"), "room_types[1].id");
  EXPECT_EQ(room_field(0, "id", "suite"), "room_types[1].id");  // repeated
  EXPECT_EQ(room_field(1, "price", boost::json::object{{"amount", 1}, {"currency", "USD"}}),
            "room_types[1].price.currency");
  EXPECT_EQ(fault_of(with("room_types", boost::json::array{1})), "room_types[0]");
  EXPECT_EQ(fault_of(with("room_types", "none")), "room_types");
}

TEST(HotelsInputTest, MadeRoomTypeIdsAvoidNamedOnes) {
  auto body = lisbon_document();
  auto& rooms = body["room_types"].as_array();
  rooms[1].as_object()["id"] = "double-room";
  const auto input = read_hotel_document(body);
  ASSERT_TRUE(input);
  EXPECT_EQ(input->room_types[0].id, "double-room-2");
  EXPECT_EQ(room_type_id_from_name("  Ocean View -- King!", {}), "ocean-view-king");
  EXPECT_EQ(room_type_id_from_name("Chambre \xc3\xa0 deux lits", {}), "chambre-deux-lits");
  EXPECT_EQ(room_type_id_from_name("\xe5\x92\x8c\xe5\xae\xa4", {}), "room");
  EXPECT_EQ(room_type_id_from_name("Room", {"room", "room-2"}), "room-3");
}

TEST(HotelsInputTest, PatchKeepsWhatItDoesNotName) {
  const auto current = read_hotel_document(lisbon_document()).value();
  const auto patched = read_hotel_patch(
      boost::json::parse(R"({"stars": 5, "room_types": []})").as_object(), current);
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->details.stars, 5);
  EXPECT_EQ(patched->details.name, "Casa Azul");
  EXPECT_TRUE(patched->room_types.empty());
  EXPECT_EQ(patched->managers, current.managers);

  const auto bad = read_hotel_patch(
      boost::json::parse(R"({"base_price": {"amount": 1, "currency": "USD"}})").as_object(),
      current);
  ASSERT_FALSE(bad);  // the room types are still in EUR
  EXPECT_EQ(bad.error().field, "room_types[0].price.currency");
  EXPECT_FALSE(read_hotel_patch(boost::json::parse(R"({"created_by": "x"})").as_object(), current));
}

}  // namespace
}  // namespace hotel::hotels::domain
