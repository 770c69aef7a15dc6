// The hotel as JSON: the snapshot every hotel.* event carries (the contract with the search
// service) and the API's representation, which is the same document.
//
//   {"id","version","name","description","address","city","country","latitude","longitude",
//    "stars","base_price":{"amount","currency"},"amenities":[...],"check_in","check_out",
//    "instant_confirmation","room_types":[{"id","name","capacity","count",
//    "price":{"amount","currency"}}],"managers":[user ids],"photos":[{"id","order",
//    "content_type","width","height","url","thumbnail_url"}],"created_by","updated_at"}
//
// Photo URLs are paths on the public API (the gateway serves /v1/hotels/... as this service
// does) and carry the photo's ETag as `v`, so that a changed photo gets a new URL and the old
// one may be cached for good.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "services/hotels/domain/hotel.hpp"

namespace hotel::hotels::domain {

boost::json::object hotel_snapshot(const Hotel& hotel);

// The data of hotel.deleted: {"id","version"}.
boost::json::object deleted_snapshot(const Hotel& hotel);

std::string photo_url(const Hotel& hotel, const Photo& photo);
std::string thumbnail_url(const Hotel& hotel, const Photo& photo);
boost::json::object photo_json(const Hotel& hotel, const Photo& photo, std::size_t order);

}  // namespace hotel::hotels::domain
