#include "services/hotels/application/hotel_queries.hpp"

#include <algorithm>

namespace hotel::hotels::application {
namespace {

using domain::Error;
using Kind = domain::Error::Kind;

}  // namespace

HotelQueries::HotelQueries(const storage::HotelStore& store, const blob::BlobStore& blobs)
    : store_(store), blobs_(blobs) {}

core::Result<domain::Hotel, Error> HotelQueries::get(const Actor& actor,
                                                     const std::string& id) const {
  if (!actor.admin && !actor.manager) {
    return core::fail(Error{Kind::kForbidden, {}, "only admins and hotel managers read hotels"});
  }
  std::optional<domain::Hotel> hotel;
  store_.read([&](storage::HotelRepository& repo) { hotel = repo.find(id); });
  if (!hotel || hotel->deleted) return core::fail(Error{Kind::kNotFound, "id", "no such hotel"});
  const bool assigned = std::find(hotel->managers.begin(), hotel->managers.end(), actor.user_id) !=
                        hotel->managers.end();
  if (!actor.admin && !assigned) {
    return core::fail(Error{Kind::kForbidden, {}, "this hotel is not assigned to you"});
  }
  return std::move(*hotel);
}

core::Result<storage::HotelPage, Error> HotelQueries::list(const Actor& actor,
                                                           const HotelListRequest& request) const {
  storage::HotelQuery query;
  query.after = request.after;
  query.limit = request.limit;
  query.user_id = actor.user_id;
  if (actor.admin) {
    query.scope =
        request.all ? storage::HotelQuery::Scope::kAll : storage::HotelQuery::Scope::kCreatedBy;
  } else if (actor.manager) {
    if (request.all) {
      return core::fail(Error{Kind::kForbidden, "all", "only admins list every hotel"});
    }
    query.scope = storage::HotelQuery::Scope::kManagedBy;
  } else {
    return core::fail(Error{Kind::kForbidden, {}, "only admins and hotel managers list hotels"});
  }
  std::optional<storage::HotelPage> page;
  store_.read([&](storage::HotelRepository& repo) { page = repo.list(query); });
  return std::move(*page);
}

std::optional<PhotoContent> HotelQueries::photo(const std::string& hotel_id,
                                                const std::string& photo_id, bool thumbnail) const {
  std::optional<domain::Photo> photo;
  store_.read([&](storage::HotelRepository& repo) { photo = repo.find_photo(hotel_id, photo_id); });
  if (!photo) return std::nullopt;
  auto blob = blobs_.get(thumbnail ? photo->thumbnail_key : photo->blob_key);
  if (!blob) return std::nullopt;
  return PhotoContent{std::move(*blob), photo->etag};
}

}  // namespace hotel::hotels::application
