#include "services/hotels/domain/hotel_json.hpp"

#include <boost/json/array.hpp>

#include "chassis/events/envelope.hpp"

namespace hotel::hotels::domain {
namespace {

boost::json::object money_json(const Money& money) {
  return {{"amount", money.amount}, {"currency", money.currency}};
}

}  // namespace

std::string photo_url(const Hotel& hotel, const Photo& photo) {
  return "/v1/hotels/" + hotel.id + "/photos/" + photo.id + "?v=" + photo.etag;
}

std::string thumbnail_url(const Hotel& hotel, const Photo& photo) {
  return "/v1/hotels/" + hotel.id + "/photos/" + photo.id + "/thumbnail?v=" + photo.etag;
}

boost::json::object photo_json(const Hotel& hotel, const Photo& photo, std::size_t order) {
  return {{"id", photo.id},
          {"order", order},
          {"content_type", photo.content_type},
          {"width", photo.width},
          {"height", photo.height},
          {"url", photo_url(hotel, photo)},
          {"thumbnail_url", thumbnail_url(hotel, photo)}};
}

boost::json::object hotel_snapshot(const Hotel& hotel) {
  const auto& d = hotel.details;
  boost::json::array amenities;
  for (const auto& amenity : d.amenities) amenities.emplace_back(amenity);
  boost::json::array rooms;
  for (const auto& room : hotel.room_types) {
    rooms.emplace_back(boost::json::object{{"id", room.id},
                                           {"name", room.name},
                                           {"capacity", room.capacity},
                                           {"count", room.count},
                                           {"price", money_json(room.price)}});
  }
  boost::json::array managers;
  for (const auto& manager : hotel.managers) managers.emplace_back(manager);
  boost::json::array photos;
  for (std::size_t i = 0; i < hotel.photos.size(); ++i) {
    photos.emplace_back(photo_json(hotel, hotel.photos[i], i));
  }
  return {{"id", hotel.id},
          {"version", hotel.version},
          {"name", d.name},
          {"description", d.description},
          {"address", d.address},
          {"city", d.city},
          {"country", d.country},
          {"latitude", d.latitude},
          {"longitude", d.longitude},
          {"stars", d.stars},
          {"base_price", money_json(d.base_price)},
          {"amenities", std::move(amenities)},
          {"check_in", d.check_in},
          {"check_out", d.check_out},
          {"instant_confirmation", d.instant_confirmation},
          {"room_types", std::move(rooms)},
          {"managers", std::move(managers)},
          {"photos", std::move(photos)},
          {"created_by", hotel.created_by},
          {"updated_at", events::format_rfc3339(hotel.updated_at)}};
}

boost::json::object deleted_snapshot(const Hotel& hotel) {
  return {{"id", hotel.id}, {"version", hotel.version}};
}

}  // namespace hotel::hotels::domain
