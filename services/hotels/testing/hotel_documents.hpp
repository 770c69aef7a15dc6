// Test support: valid hotel documents to start from, and a stored hotel built from one.
#pragma once

#include <boost/json/parse.hpp>

#include "services/hotels/domain/hotel_input.hpp"

namespace hotel::hotels::testing {

inline boost::json::object lisbon_document() {
  return boost::json::parse(R"({
    "name": "Casa Azul", "description": "Tiles and a view.",
    "address": "Rua das Flores 1, Lisboa", "city": "Lisbon", "country": "PT",
    "latitude": 38.71, "longitude": -9.14, "stars": 4,
    "base_price": {"amount": 12000, "currency": "EUR"},
    "amenities": ["wifi", "bar"], "check_in": "15:00", "check_out": "11:00",
    "instant_confirmation": false,
    "room_types": [
      {"name": "Double Room", "capacity": 2, "count": 10,
       "price": {"amount": 12000, "currency": "EUR"}},
      {"id": "suite", "name": "Suite", "capacity": 4, "count": 2,
       "price": {"amount": 30000, "currency": "EUR"}}
    ],
    "managers": ["user-b", "user-a"]
  })")
      .as_object();
}

inline domain::HotelInput lisbon_input() {
  return domain::read_hotel_document(lisbon_document()).value();
}

}  // namespace hotel::hotels::testing
