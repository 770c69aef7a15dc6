// Hotel snapshots and events as the hotels service publishes them (the event contract), for the
// search service's tests.
#pragma once

#include <cstdint>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "chassis/events/envelope.hpp"

namespace hotel::search::testing {

inline boost::json::object sample_hotel(const std::string& id = "h-1", std::int64_t version = 1) {
  auto hotel = boost::json::parse(R"({
    "name": "Grand Hotel Paulista",
    "description": "Rooftop pool and a quiet garden near Avenida Paulista.",
    "address": "1 Avenida Paulista",
    "city": "São Paulo", "country": "BR",
    "latitude": -23.5614, "longitude": -46.6559,
    "stars": 4,
    "base_price": {"amount": 12000, "currency": "BRL"},
    "amenities": ["wifi", "pool"],
    "check_in": "14:00", "check_out": "12:00",
    "instant_confirmation": true,
    "room_types": [
      {"id": "rt-1", "name": "Double", "capacity": 2, "count": 10,
       "price": {"amount": 15000, "currency": "BRL"}},
      {"id": "rt-2", "name": "Family", "capacity": 4, "count": 3,
       "price": {"amount": 26000, "currency": "BRL"}}],
    "managers": ["u-manager"],
    "photos": [
      {"id": "p-2", "order": 1, "content_type": "image/jpeg", "width": 800, "height": 600,
       "url": "/v1/hotels/h/photos/p-2", "thumbnail_url": "/v1/hotels/h/photos/p-2/thumbnail"},
      {"id": "p-1", "order": 0, "content_type": "image/jpeg", "width": 800, "height": 600,
       "url": "/v1/hotels/h/photos/p-1", "thumbnail_url": "/v1/hotels/h/photos/p-1/thumbnail"}],
    "created_by": "u-admin",
    "updated_at": "2024-05-01T10:00:00Z"
  })")
                   .as_object();
  hotel["id"] = id;
  hotel["version"] = version;
  return hotel;
}

inline events::Event hotel_event(std::string type, std::int64_t sequence,
                                 boost::json::object data) {
  events::Event event;
  event.id = "evt-" + std::to_string(sequence);
  event.source = "hotel/hotels";
  event.type = std::move(type);
  event.subject = data.contains("id") ? std::string(data["id"].as_string()) : std::string();
  event.time = "2024-05-01T10:00:00.000Z";
  event.sequence = sequence;
  event.data = std::move(data);
  return event;
}

}  // namespace hotel::search::testing
