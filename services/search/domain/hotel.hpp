// What the read model keeps of a hotel: the snapshot every hotel.* event carries (the event
// contract with the hotels service), parsed and checked.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace hotel::events {
struct Event;
}

namespace hotel::search::domain {

struct Money {
  std::int64_t amount = 0;  // minor units
  std::string currency;     // ISO 4217, e.g. "EUR"
};

struct RoomType {
  std::string id;
  std::string name;
  int capacity = 0;
  int count = 0;
  Money price;  // per night
};

struct HotelSnapshot {
  std::string id;
  std::int64_t version = 0;
  std::string name;
  std::string description;
  std::string city;
  std::string country;
  double latitude = 0;
  double longitude = 0;
  int stars = 0;
  Money base_price;
  std::vector<RoomType> room_types;
  std::optional<std::string> thumbnail_url;  // of the first photo
  // The public view kept for the detail page: the snapshot without managers and created_by.
  boost::json::object detail;
};

// A price at which a number of guests can stay: one per room type, or the base price (with
// capacity 0, so that it never satisfies a guests filter) when the hotel has no room types yet.
struct Offer {
  int capacity = 0;
  std::int64_t price = 0;
  bool operator==(const Offer&) const = default;
};
std::vector<Offer> offers(const HotelSnapshot& hotel);
// The lowest offer price.
std::int64_t from_price(const HotelSnapshot& hotel);

// A snapshot or deletion that breaks the event contract. field() names the part at fault.
class MalformedHotel : public std::runtime_error {
 public:
  MalformedHotel(std::string field, const std::string& why)
      : std::runtime_error("hotel event data '" + field + "': " + why), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// Throws MalformedHotel.
HotelSnapshot parse_snapshot(const boost::json::value& data);

struct HotelDeletion {
  std::string id;
  std::int64_t version = 0;
};

using HotelChange = std::variant<HotelSnapshot, HotelDeletion>;

// The change an event asks for: nullopt for an event type the read model does not know (skip
// it). Throws MalformedHotel when a known type carries data that breaks the contract, or when
// the event's subject names another hotel than its data.
std::optional<HotelChange> hotel_change(const events::Event& event);

}  // namespace hotel::search::domain
