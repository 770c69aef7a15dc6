// The booking service's room-night inventory as the hotels service sees it, from booking's
// `inventory.changed` events (the contract, docs/architecture.md "Rooms already booked"):
//
//   type "inventory.changed", subject = hotel id,
//   data {"hotel_id", "room_type_id", "nights": [{"night": "YYYY-MM-DD", "capacity": n,
//         "held": n, "booked": n}, ...]}
//
// Each night's figures are absolute, not deltas, so applying an event again or a newer one over it
// leaves the newest state. A room type's count may not go below the rooms committed (held +
// booked) on any night from today on.
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

namespace hotel::hotels::domain {

inline constexpr std::string_view kInventoryChanged = "inventory.changed";

struct RoomNight {
  std::int64_t day = 0;  // days since 1970-01-01
  int held = 0;
  int booked = 0;
  int committed() const { return held + booked; }
};

struct InventoryChange {
  std::string hotel_id;
  std::string room_type_id;
  std::vector<RoomNight> nights;
};

// An inventory.changed that breaks the contract; what() names the field.
class InventoryContractError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// The first night whose committed rooms still bind a room count: yesterday in UTC, which is still
// tonight west of UTC (nights are hotel-local dates). Days since 1970-01-01.
std::int64_t first_open_night(std::chrono::system_clock::time_point now);

// Reads the data of an inventory.changed whose subject is `subject`.
InventoryChange parse_inventory_change(const boost::json::value& data, std::string_view subject);

}  // namespace hotel::hotels::domain
