// The hotel's rules for change, as pure functions: each takes the current hotel and returns the
// next one with the events that describe the change (or an expected failure). Every change
// bumps the version by one; a request that changes nothing changes nothing (no version, no
// event).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chassis/core/result.hpp"
#include "chassis/events/outbox.hpp"
#include "services/hotels/domain/hotel.hpp"
#include "services/hotels/domain/hotel_input.hpp"

namespace hotel::hotels::domain {

inline constexpr std::string_view kHotelCreated = "hotel.created";
inline constexpr std::string_view kHotelUpdated = "hotel.updated";
inline constexpr std::string_view kHotelDeleted = "hotel.deleted";
inline constexpr std::string_view kRoomsChanged = "hotel.rooms_changed";
inline constexpr std::string_view kManagersChanged = "hotel.managers_changed";

struct Change {
  Hotel hotel;                           // after the change
  std::vector<std::string> event_types;  // empty when nothing changed
};

// A new hotel at version 1 (hotel.created).
Change create_hotel(std::string id, HotelInput input, std::string created_by, TimePoint now);

// Replaces the editable part. One event per aspect that changed, in this order: hotel.updated
// (details), hotel.rooms_changed (room types), hotel.managers_changed (managers); all carry the
// same version and snapshot. A room type may not drop below the rooms already booked of it
// (kConflict naming "room_types[i].count", or "room_types" when it was removed).
core::Result<Change, Error> edit_hotel(const Hotel& current, HotelInput next,
                                       const BookedRooms& booked, TimePoint now);

// Soft deletion (hotel.deleted). Rooms already booked keep it from going (kConflict).
core::Result<Change, Error> delete_hotel(const Hotel& current, const BookedRooms& booked,
                                         TimePoint now);

// Adds `photo` at the end, or replaces the photo with its id in place (hotel.updated).
core::Result<Change, Error> put_photo(const Hotel& current, Photo photo, std::size_t max_photos,
                                      TimePoint now);
core::Result<Change, Error> remove_photo(const Hotel& current, std::string_view photo_id,
                                         TimePoint now);
// `order` must name every photo exactly once.
core::Result<Change, Error> reorder_photos(const Hotel& current,
                                           const std::vector<std::string>& order, TimePoint now);

// Managers added outside an admin's edit (the demo data's e-mail assignments, see
// HotelCommands::bind_pending_managers): hotel.managers_changed, or no change.
Change add_managers(const Hotel& current, const std::vector<std::string>& user_ids, TimePoint now);

// The events of a change, each carrying the hotel's snapshot (hotel.deleted: {id, version}),
// subject = hotel id.
std::vector<events::NewEvent> events_of(const Change& change, const std::string& traceparent);

// A photo id a client may choose (PUT /v1/hotels/{id}/photos/{photo_id}): 1 to 64 characters of
// [A-Za-z0-9_-].
bool valid_photo_id(std::string_view id);

}  // namespace hotel::hotels::domain
