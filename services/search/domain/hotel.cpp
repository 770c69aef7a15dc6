#include "services/search/domain/hotel.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>

#include "chassis/events/envelope.hpp"

namespace hotel::search::domain {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxIdLength = 200;
constexpr std::size_t kMaxTextLength = 20'000;

// The fields the detail page shows; managers and created_by stay inside the hotels service.
constexpr std::array<std::string_view, 18> kDetailFields = {
    "id",         "version",   "name",      "description", "address",
    "city",       "country",   "latitude",  "longitude",   "stars",
    "base_price", "amenities", "check_in",  "check_out",   "instant_confirmation",
    "room_types", "photos",    "updated_at"};

std::string path(std::string_view prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

const json::value& member(const json::object& object, std::string_view name,
                          std::string_view prefix) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) throw MalformedHotel(path(prefix, name), "is missing");
  return *value;
}

const json::object& as_object(const json::value& value, const std::string& field) {
  if (!value.is_object()) throw MalformedHotel(field, "must be an object");
  return value.get_object();
}

std::string text(const json::object& object, std::string_view name, std::string_view prefix,
                 bool allow_empty = true, std::size_t max = kMaxTextLength) {
  const auto& value = member(object, name, prefix);
  if (!value.is_string()) throw MalformedHotel(path(prefix, name), "must be a string");
  const auto& s = value.get_string();
  if (!allow_empty && s.empty()) throw MalformedHotel(path(prefix, name), "must not be empty");
  if (s.size() > max) throw MalformedHotel(path(prefix, name), "is too long");
  return std::string(s);
}

std::int64_t integer(const json::object& object, std::string_view name, std::string_view prefix,
                     std::int64_t min, std::int64_t max) {
  const auto& value = member(object, name, prefix);
  std::int64_t n = 0;
  if (value.is_int64()) {
    n = value.get_int64();
  } else if (value.is_uint64() &&
             value.get_uint64() <=
                 static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    n = static_cast<std::int64_t>(value.get_uint64());
  } else {
    throw MalformedHotel(path(prefix, name), "must be an integer");
  }
  if (n < min || n > max) {
    throw MalformedHotel(path(prefix, name),
                         "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return n;
}

double number(const json::object& object, std::string_view name, double min, double max) {
  const auto& value = member(object, name, {});
  if (!value.is_number()) throw MalformedHotel(std::string(name), "must be a number");
  const double n = value.to_number<double>();
  if (!std::isfinite(n) || n < min || n > max) {
    throw MalformedHotel(std::string(name),
                         "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return n;
}

Money money(const json::object& object, std::string_view name, std::string_view prefix) {
  const std::string field = path(prefix, name);
  const auto& price = as_object(member(object, name, prefix), field);
  Money m;
  m.amount = integer(price, "amount", field, 0, std::numeric_limits<std::int64_t>::max() / 4);
  m.currency = text(price, "currency", field, false, 3);
  if (m.currency.size() != 3 || !std::all_of(m.currency.begin(), m.currency.end(),
                                             [](char c) { return c >= 'A' && c <= 'Z'; })) {
    throw MalformedHotel(field + ".currency", "must be an ISO 4217 code such as EUR");
  }
  return m;
}

const json::array& array(const json::object& object, std::string_view name) {
  const auto& value = member(object, name, {});
  if (!value.is_array()) throw MalformedHotel(std::string(name), "must be an array");
  return value.get_array();
}

std::vector<RoomType> room_types(const json::object& data) {
  std::vector<RoomType> rooms;
  const auto& items = array(data, "room_types");
  rooms.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string prefix = "room_types[" + std::to_string(i) + "]";
    const auto& item = as_object(items[i], prefix);
    RoomType room;
    room.id = text(item, "id", prefix, false, kMaxIdLength);
    room.name = text(item, "name", prefix);
    room.capacity = static_cast<int>(integer(item, "capacity", prefix, 1, 1000));
    room.count = static_cast<int>(integer(item, "count", prefix, 0, 1'000'000));
    room.price = money(item, "price", prefix);
    rooms.push_back(std::move(room));
  }
  return rooms;
}

// The thumbnail of the photo with the lowest order, when there are photos.
std::optional<std::string> thumbnail(const json::object& data) {
  const auto* photos = data.if_contains("photos");
  if (photos == nullptr || photos->is_null()) return std::nullopt;
  if (!photos->is_array()) throw MalformedHotel("photos", "must be an array");
  std::optional<std::string> best;
  std::int64_t best_order = std::numeric_limits<std::int64_t>::max();
  const auto& items = photos->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string prefix = "photos[" + std::to_string(i) + "]";
    const auto& photo = as_object(items[i], prefix);
    const auto order = integer(photo, "order", prefix, 0, std::numeric_limits<int>::max());
    if (order < best_order) {
      best_order = order;
      best = text(photo, "thumbnail_url", prefix);
    }
  }
  return best;
}

}  // namespace

std::vector<Offer> offers(const HotelSnapshot& hotel) {
  if (hotel.room_types.empty()) return {{0, hotel.base_price.amount}};
  std::vector<Offer> result;
  result.reserve(hotel.room_types.size());
  for (const auto& room : hotel.room_types) result.push_back({room.capacity, room.price.amount});
  return result;
}

std::int64_t from_price(const HotelSnapshot& hotel) {
  std::int64_t lowest = std::numeric_limits<std::int64_t>::max();
  for (const auto& offer : offers(hotel)) lowest = std::min(lowest, offer.price);
  return lowest;
}

HotelSnapshot parse_snapshot(const json::value& value) {
  const auto& data = as_object(value, "data");
  HotelSnapshot h;
  h.id = text(data, "id", {}, false, kMaxIdLength);
  h.version = integer(data, "version", {}, 1, std::numeric_limits<std::int64_t>::max());
  h.name = text(data, "name", {}, false);
  h.description = text(data, "description", {});
  text(data, "address", {});
  h.city = text(data, "city", {}, false);
  h.country = text(data, "country", {});
  h.latitude = number(data, "latitude", -90.0, 90.0);
  h.longitude = number(data, "longitude", -180.0, 180.0);
  h.stars = static_cast<int>(integer(data, "stars", {}, 0, 5));
  h.base_price = money(data, "base_price", {});
  h.room_types = room_types(data);
  for (const auto& amenity : array(data, "amenities")) {
    if (!amenity.is_string()) throw MalformedHotel("amenities", "must hold strings");
  }
  h.thumbnail_url = thumbnail(data);
  for (const auto field : kDetailFields) {
    if (const auto* v = data.if_contains(field)) h.detail.emplace(field, *v);
  }
  return h;
}

std::optional<HotelChange> hotel_change(const events::Event& event) {
  constexpr std::array<std::string_view, 4> kSnapshotTypes = {
      "hotel.created", "hotel.updated", "hotel.rooms_changed", "hotel.managers_changed"};
  const auto check_subject = [&](const std::string& id) {
    if (!event.subject.empty() && event.subject != id) {
      throw MalformedHotel("id", "differs from the event's subject '" + event.subject + "'");
    }
  };
  if (std::find(kSnapshotTypes.begin(), kSnapshotTypes.end(), event.type) != kSnapshotTypes.end()) {
    auto snapshot = parse_snapshot(event.data);
    check_subject(snapshot.id);
    return snapshot;
  }
  if (event.type == "hotel.deleted") {
    const auto& data = as_object(event.data, "data");
    HotelDeletion deletion;
    deletion.id = text(data, "id", {}, false, kMaxIdLength);
    deletion.version = integer(data, "version", {}, 1, std::numeric_limits<std::int64_t>::max());
    check_subject(deletion.id);
    return deletion;
  }
  return std::nullopt;
}

}  // namespace hotel::search::domain
