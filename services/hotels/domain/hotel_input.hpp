// Reads an admin's hotel document (the JSON body of POST, PUT or PATCH /v1/hotels) into the
// fields it sets, checking every rule and naming the field at fault ("room_types[1].count").
//
// POST and PUT take the whole document: required fields must be present, optional ones fall
// back to their defaults. PATCH takes any subset and keeps the rest; `room_types`, `managers`,
// `amenities` and `base_price` are replaced as a whole when present. Unknown fields, read-only
// fields (id, version, photos, created_by, created_at, updated_at) and nulls are refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "chassis/core/result.hpp"
#include "services/hotels/domain/hotel.hpp"

namespace hotel::hotels::domain {

// What an admin's document sets: the editable part of a hotel.
struct HotelInput {
  HotelDetails details;
  std::vector<RoomType> room_types;
  std::vector<std::string> managers;  // unique, in the document's order
};

struct InputLimits {
  std::size_t max_room_types = 50;
  std::size_t max_managers = 20;
  int max_capacity = 20;
  int max_room_count = 10'000;
  std::int64_t max_amount = 100'000'000'00;  // minor units
};

// A whole document (POST, PUT). Room types without an id get one made from their name.
core::Result<HotelInput, Error> read_hotel_document(const boost::json::object& body,
                                                    const InputLimits& limits = {});

// A partial document (PATCH) applied over `current`.
core::Result<HotelInput, Error> read_hotel_patch(const boost::json::object& body,
                                                 const HotelInput& current,
                                                 const InputLimits& limits = {});

// The editable part of a stored hotel.
HotelInput input_of(const Hotel& hotel);

// A room type id made from its name ("Deluxe Double" -> "deluxe-double"), unique among `taken`.
std::string room_type_id_from_name(std::string_view name, const std::vector<std::string>& taken);

}  // namespace hotel::hotels::domain
