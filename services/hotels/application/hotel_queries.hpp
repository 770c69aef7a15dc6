// The hotels service's read use cases, with the access rules the route policy cannot express:
// an admin reads every hotel, a hotel manager only the hotels assigned to them. Blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "chassis/blob/blob_store.hpp"
#include "chassis/core/result.hpp"
#include "services/hotels/application/actor.hpp"
#include "services/hotels/domain/hotel.hpp"
#include "services/hotels/storage/hotel_repository.hpp"

namespace hotel::hotels::application {

struct HotelListRequest {
  bool all = false;  // admins only: every hotel, not just their own
  std::int64_t after = 0;
  std::size_t limit = 50;
};

struct PhotoContent {
  blob::Blob blob;
  std::string photo_etag;  // of the original's bytes (photo URLs carry it as `v`)
};

class HotelQueries {
 public:
  HotelQueries(const storage::HotelStore& store, const blob::BlobStore& blobs);

  core::Result<domain::Hotel, domain::Error> get(const Actor& actor, const std::string& id) const;
  // Admins: the hotels they created (or all). Managers: the hotels assigned to them.
  core::Result<storage::HotelPage, domain::Error> list(const Actor& actor,
                                                       const HotelListRequest& request) const;
  // A photo (or its thumbnail) of a hotel that is not deleted; public.
  std::optional<PhotoContent> photo(const std::string& hotel_id, const std::string& photo_id,
                                    bool thumbnail) const;

 private:
  const storage::HotelStore& store_;
  const blob::BlobStore& blobs_;
};

}  // namespace hotel::hotels::application
