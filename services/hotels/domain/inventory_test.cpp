#include "services/hotels/domain/inventory.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "services/hotels/testing/inventory_events.hpp"

namespace hotel::hotels::domain {
namespace {

const std::int64_t kDay = core::parse_iso_date("2026-12-01").value();

std::string refusal(const boost::json::value& data, std::string_view subject = "h1") {
  try {
    parse_inventory_change(data, subject);
  } catch (const InventoryContractError& error) {
    return error.what();
  }
  return "accepted";
}

TEST(HotelsInventory, ReadsTheContract) {
  const auto change =
      parse_inventory_change(testing::inventory_data("h1", "suite", {{kDay, 1, 2}}), "h1");
  EXPECT_EQ(change.hotel_id, "h1");
  EXPECT_EQ(change.room_type_id, "suite");
  ASSERT_EQ(change.nights.size(), 1u);
  EXPECT_EQ(change.nights[0].day, kDay);
  EXPECT_EQ(change.nights[0].committed(), 3);
  EXPECT_TRUE(
      parse_inventory_change(testing::inventory_data("h1", "suite", {}), "h1").nights.empty());
}

TEST(HotelsInventory, RefusalsNameTheField) {
  const auto good = testing::inventory_data("h1", "suite", {{kDay, 1, 2}});
  auto with = [&](const char* key, boost::json::value value) {
    auto data = good;
    data[key] = std::move(value);
    return data;
  };
  auto night_with = [&](const char* key, boost::json::value value) {
    auto data = good;
    data["nights"].as_array()[0].as_object()[key] = std::move(value);
    return data;
  };
  EXPECT_NE(refusal("text").find("data"), std::string::npos);
  EXPECT_NE(refusal(good, "h2").find("hotel_id must be the event's subject"), std::string::npos);
  EXPECT_NE(refusal(with("hotel_id", 7)).find("hotel_id"), std::string::npos);
  EXPECT_NE(refusal(with("room_type_id", "")).find("room_type_id"), std::string::npos);
  EXPECT_NE(refusal(with("nights", "all")).find("nights"), std::string::npos);
  EXPECT_NE(refusal(with("nights", boost::json::array(1001, boost::json::object{})))
                .find("more than 1000"),
            std::string::npos);
  EXPECT_NE(refusal(night_with("night", "2026-02-30")).find("nights[0].night"), std::string::npos);
  EXPECT_NE(refusal(night_with("held", -1)).find("nights[0].held"), std::string::npos);
  EXPECT_NE(refusal(night_with("booked", 1.5)).find("nights[0].booked"), std::string::npos);
  EXPECT_NE(refusal(night_with("capacity", nullptr)).find("nights[0].capacity"), std::string::npos);
}

TEST(HotelsInventory, YesterdayInUtcStillBinds) {
  const auto noon =
      std::chrono::system_clock::time_point(std::chrono::days(kDay) + std::chrono::hours(12));
  EXPECT_EQ(first_open_night(noon), kDay - 1);
}

}  // namespace
}  // namespace hotel::hotels::domain
