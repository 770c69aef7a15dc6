#include "services/hotels/domain/hotel_changes.hpp"

#include <algorithm>
#include <set>

#include "services/hotels/domain/hotel_json.hpp"

namespace hotel::hotels::domain {
namespace {

Change changed(const Hotel& current, Hotel next, std::vector<std::string> types, TimePoint now) {
  if (types.empty()) return {current, {}};
  next.version = current.version + 1;
  next.updated_at = now;
  return {std::move(next), std::move(types)};
}

int count_of(const std::vector<RoomType>& rooms, const std::string& id) {
  for (const auto& room : rooms) {
    if (room.id == id) return room.count;
  }
  return 0;
}

// The first room type whose count goes down (from `before` to `rooms`) below its booked rooms.
// A count already below them (booking keeps bookings a raced reduction overtook) may stay.
std::optional<Error> over_booked(const std::vector<RoomType>& before,
                                 const std::vector<RoomType>& rooms, const BookedRooms& booked) {
  for (const auto& [id, rooms_booked] : booked) {
    const int count = count_of(rooms, id);
    if (rooms_booked <= 0 || count >= rooms_booked || count >= count_of(before, id)) continue;
    std::string field = "room_types";
    for (std::size_t i = 0; i < rooms.size(); ++i) {
      if (rooms[i].id == id) field = "room_types[" + std::to_string(i) + "].count";
    }
    return Error{Error::Kind::kConflict, field,
                 std::to_string(rooms_booked) + " rooms of room type '" + id +
                     "' are booked; the count cannot go below that"};
  }
  return std::nullopt;
}

Error photo_not_found() { return {Error::Kind::kNotFound, "photo_id", "no such photo"}; }

}  // namespace

Change create_hotel(std::string id, HotelInput input, std::string created_by, TimePoint now) {
  std::sort(input.managers.begin(), input.managers.end());
  Hotel hotel;
  hotel.id = std::move(id);
  hotel.version = 1;
  hotel.details = std::move(input.details);
  hotel.room_types = std::move(input.room_types);
  hotel.managers = std::move(input.managers);
  hotel.created_by = std::move(created_by);
  hotel.created_at = now;
  hotel.updated_at = now;
  return {std::move(hotel), {std::string(kHotelCreated)}};
}

core::Result<Change, Error> edit_hotel(const Hotel& current, HotelInput next,
                                       const BookedRooms& booked, TimePoint now) {
  if (auto error = over_booked(current.room_types, next.room_types, booked)) {
    return core::fail(std::move(*error));
  }
  std::sort(next.managers.begin(), next.managers.end());
  std::vector<std::string> types;
  if (next.details != current.details) types.emplace_back(kHotelUpdated);
  if (next.room_types != current.room_types) types.emplace_back(kRoomsChanged);
  if (next.managers != current.managers) types.emplace_back(kManagersChanged);
  Hotel hotel = current;
  hotel.details = std::move(next.details);
  hotel.room_types = std::move(next.room_types);
  hotel.managers = std::move(next.managers);
  return changed(current, std::move(hotel), std::move(types), now);
}

core::Result<Change, Error> delete_hotel(const Hotel& current, const BookedRooms& booked,
                                         TimePoint now) {
  if (auto error = over_booked(current.room_types, {}, booked)) {
    return core::fail(
        Error{Error::Kind::kConflict, "id", "the hotel has booked rooms and cannot be deleted"});
  }
  Hotel hotel = current;
  hotel.deleted = true;
  return changed(current, std::move(hotel), {std::string(kHotelDeleted)}, now);
}

core::Result<Change, Error> put_photo(const Hotel& current, Photo photo, std::size_t max_photos,
                                      TimePoint now) {
  Hotel hotel = current;
  auto it = std::find_if(hotel.photos.begin(), hotel.photos.end(),
                         [&](const Photo& p) { return p.id == photo.id; });
  if (it != hotel.photos.end()) {
    *it = std::move(photo);
  } else {
    if (hotel.photos.size() >= max_photos) {
      return core::fail(Error{Error::Kind::kConflict, "photo",
                              "a hotel has at most " + std::to_string(max_photos) + " photos"});
    }
    hotel.photos.push_back(std::move(photo));
  }
  return changed(current, std::move(hotel), {std::string(kHotelUpdated)}, now);
}

core::Result<Change, Error> remove_photo(const Hotel& current, std::string_view photo_id,
                                         TimePoint now) {
  Hotel hotel = current;
  const auto removed =
      std::erase_if(hotel.photos, [&](const Photo& p) { return p.id == photo_id; });
  if (removed == 0) return core::fail(photo_not_found());
  return changed(current, std::move(hotel), {std::string(kHotelUpdated)}, now);
}

core::Result<Change, Error> reorder_photos(const Hotel& current,
                                           const std::vector<std::string>& order, TimePoint now) {
  Hotel hotel = current;
  hotel.photos.clear();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto field = "photos[" + std::to_string(i) + "]";
    if (!seen.insert(order[i]).second) {
      return core::fail(Error{Error::Kind::kInvalid, field, "is repeated"});
    }
    auto it = std::find_if(current.photos.begin(), current.photos.end(),
                           [&](const Photo& p) { return p.id == order[i]; });
    if (it == current.photos.end()) {
      return core::fail(Error{Error::Kind::kInvalid, field, "is not a photo of this hotel"});
    }
    hotel.photos.push_back(*it);
  }
  if (hotel.photos.size() != current.photos.size()) {
    return core::fail(Error{Error::Kind::kInvalid, "photos", "must name every photo of the hotel"});
  }
  std::vector<std::string> types;
  if (hotel.photos != current.photos) types.emplace_back(kHotelUpdated);
  return changed(current, std::move(hotel), std::move(types), now);
}

Change add_managers(const Hotel& current, const std::vector<std::string>& user_ids, TimePoint now) {
  Hotel hotel = current;
  for (const auto& id : user_ids) {
    if (std::find(hotel.managers.begin(), hotel.managers.end(), id) == hotel.managers.end()) {
      hotel.managers.push_back(id);
    }
  }
  std::sort(hotel.managers.begin(), hotel.managers.end());
  std::vector<std::string> types;
  if (hotel.managers != current.managers) types.emplace_back(kManagersChanged);
  return changed(current, std::move(hotel), std::move(types), now);
}

std::vector<events::NewEvent> events_of(const Change& change, const std::string& traceparent) {
  std::vector<events::NewEvent> out;
  for (const auto& type : change.event_types) {
    out.push_back(
        {type, change.hotel.id,
         type == kHotelDeleted ? deleted_snapshot(change.hotel) : hotel_snapshot(change.hotel),
         traceparent});
  }
  return out;
}

bool valid_photo_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

}  // namespace hotel::hotels::domain
