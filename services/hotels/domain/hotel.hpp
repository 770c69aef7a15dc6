// The hotel aggregate as the hotels service owns it: what an admin edits (details, room types,
// managers), the photos, and the bookkeeping (version, creator, times, soft deletion).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hotel::hotels::domain {

using TimePoint = std::chrono::system_clock::time_point;

// An amount in the currency's minor units (cents for EUR), and an ISO 4217 code.
struct Money {
  std::int64_t amount = 0;
  std::string currency;
  bool operator==(const Money&) const = default;
};

struct RoomType {
  std::string id;  // stable within the hotel: bookings refer to it
  std::string name;
  int capacity = 0;  // guests per room
  int count = 0;     // rooms of this type
  Money price;       // per night
  bool operator==(const RoomType&) const = default;
};

// The fields an admin edits directly.
struct HotelDetails {
  std::string name;
  std::string description;
  std::string address;
  std::string city;
  std::string country;  // ISO 3166-1 alpha-2
  double latitude = 0;
  double longitude = 0;
  int stars = 0;
  Money base_price;
  std::vector<std::string> amenities;
  std::string check_in;  // "HH:MM"
  std::string check_out;
  bool instant_confirmation = false;
  bool operator==(const HotelDetails&) const = default;
};

struct Photo {
  std::string id;
  std::string content_type;  // from the content, never from the client's declaration
  int width = 0;
  int height = 0;
  std::int64_t size = 0;      // bytes of the original
  std::string etag;           // of the original's bytes
  std::string blob_key;       // generated, never the client's file name
  std::string thumbnail_key;  // a JPEG for list views
  bool operator==(const Photo&) const = default;
};

struct Hotel {
  std::string id;
  std::int64_t version = 0;  // +1 on every change; the ETag
  HotelDetails details;
  std::vector<RoomType> room_types;
  std::vector<std::string> managers;  // user ids, sorted
  std::vector<Photo> photos;          // in display order
  std::string created_by;             // user id of the admin who created it
  TimePoint created_at;
  TimePoint updated_at;
  bool deleted = false;
};

// The most rooms of each room type committed on one night from today on (room type id -> rooms),
// from the booking service's inventory events (domain/inventory.hpp).
using BookedRooms = std::map<std::string, int>;

// An expected failure of a command, mapped to HTTP by the API layer.
struct Error {
  enum class Kind {
    kInvalid,             // 400: the input breaks a rule; `field` names it
    kNotFound,            // 404
    kForbidden,           // 403: the caller may not touch this hotel
    kPreconditionFailed,  // 412: the version the caller read is stale
    kConflict,          // 409: the change contradicts state (rooms already booked, too many photos)
    kTooLarge,          // 413: an upload over the size limit
    kUnsupportedMedia,  // 415: an upload that is not a supported image, or not what it claims
  };
  Kind kind;
  std::string field;
  std::string message;
};

}  // namespace hotel::hotels::domain
