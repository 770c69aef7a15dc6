#include "services/hotels/domain/inventory.hpp"

#include <boost/json.hpp>

#include "chassis/core/dates.hpp"

namespace hotel::hotels::domain {
namespace {

constexpr std::size_t kMaxNights = 1000;
constexpr std::int64_t kMaxRooms = 100'000;
constexpr std::size_t kMaxIdLength = 200;

[[noreturn]] void refuse(const std::string& field, const std::string& why) {
  throw InventoryContractError("inventory.changed: " + field + " " + why);
}

std::string id_field(const boost::json::object& data, const char* name) {
  const auto* value = data.if_contains(name);
  if (value == nullptr || !value->is_string()) refuse(name, "must be a string");
  const auto& text = value->get_string();
  if (text.empty() || text.size() > kMaxIdLength) refuse(name, "must be 1-200 characters");
  return std::string(text);
}

int rooms_field(const boost::json::object& night, const char* name, const std::string& at) {
  const auto* value = night.if_contains(name);
  if (value == nullptr || !value->is_int64()) refuse(at + "." + name, "must be an integer");
  const auto rooms = value->get_int64();
  if (rooms < 0 || rooms > kMaxRooms) refuse(at + "." + name, "must be 0-100000");
  return static_cast<int>(rooms);
}

}  // namespace

std::int64_t first_open_night(std::chrono::system_clock::time_point now) {
  return core::utc_day(now) - 1;
}

InventoryChange parse_inventory_change(const boost::json::value& data, std::string_view subject) {
  if (!data.is_object()) refuse("data", "must be an object");
  const auto& object = data.get_object();
  InventoryChange change{id_field(object, "hotel_id"), id_field(object, "room_type_id"), {}};
  if (change.hotel_id != subject) refuse("hotel_id", "must be the event's subject");
  const auto* nights = object.if_contains("nights");
  if (nights == nullptr || !nights->is_array()) refuse("nights", "must be an array");
  if (nights->get_array().size() > kMaxNights) refuse("nights", "holds more than 1000 nights");
  for (std::size_t i = 0; i < nights->get_array().size(); ++i) {
    const auto at = "nights[" + std::to_string(i) + "]";
    const auto& entry = nights->get_array()[i];
    if (!entry.is_object()) refuse(at, "must be an object");
    const auto& night = entry.get_object();
    const auto* date = night.if_contains("night");
    const auto day = date != nullptr && date->is_string()
                         ? core::parse_iso_date(std::string_view(date->get_string()))
                         : std::nullopt;
    if (!day) refuse(at + ".night", "must be a YYYY-MM-DD date");
    RoomNight room_night{*day, rooms_field(night, "held", at), rooms_field(night, "booked", at)};
    rooms_field(night, "capacity", at);  // checked for the contract; the hotel owns the count
    change.nights.push_back(room_night);
  }
  return change;
}

}  // namespace hotel::hotels::domain
