// Test support: booking's inventory.changed events as the hotels service receives them.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include <boost/json.hpp>

#include "chassis/core/dates.hpp"
#include "chassis/events/envelope.hpp"

namespace hotel::hotels::testing {

// {day (since 1970-01-01), held, booked} per night.
using NightFigures = std::vector<std::tuple<std::int64_t, int, int>>;

inline boost::json::object inventory_data(const std::string& hotel_id, const std::string& room_type,
                                          const NightFigures& nights) {
  boost::json::array list;
  for (const auto& [day, held, booked] : nights) {
    list.push_back({{"night", core::format_iso_date(day)},
                    {"capacity", 20},
                    {"held", held},
                    {"booked", booked}});
  }
  return {{"hotel_id", hotel_id}, {"room_type_id", room_type}, {"nights", std::move(list)}};
}

inline events::Event inventory_changed(const std::string& hotel_id, const std::string& room_type,
                                       const NightFigures& nights) {
  events::Event event;
  event.id = "evt-" + room_type;
  event.source = "hotel/booking";
  event.type = "inventory.changed";
  event.subject = hotel_id;
  event.sequence = 1;
  event.data = inventory_data(hotel_id, room_type, nights);
  return event;
}

}  // namespace hotel::hotels::testing
