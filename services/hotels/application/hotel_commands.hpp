// The hotels service's write use cases. Each runs in one unit of work: it reads the hotel,
// checks the caller's version, applies the domain rule, stores the result and publishes its
// events, all in one transaction (no dual writes). Blocking: the API runs them on the worker
// pool. Photo bytes go to the blob store under generated keys before the transaction; blobs a
// change orphans are removed after it commits (a crash in between leaves an unreferenced blob,
// never a reference to a missing one).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chassis/blob/blob_store.hpp"
#include "chassis/core/clock.hpp"
#include "chassis/core/result.hpp"
#include "services/hotels/application/actor.hpp"
#include "services/hotels/domain/hotel.hpp"
#include "services/hotels/domain/hotel_input.hpp"
#include "services/hotels/images/image_processor.hpp"
#include "services/hotels/storage/hotel_repository.hpp"

namespace hotel::hotels::application {

struct CommandOptions {
  images::ImageLimits images;
  std::size_t max_photos = 30;
};

template <class T>
using CommandResult = core::Result<T, domain::Error>;

// An upload: the bytes and what the client declared (neither is trusted).
struct PhotoUpload {
  std::string_view bytes;
  std::string declared_type;  // empty when none was declared
};

struct PhotoResult {
  domain::Hotel hotel;
  domain::Photo photo;
  bool created = false;  // false when an existing photo was replaced
};

class HotelCommands {
 public:
  // The store and blob store outlive the commands.
  HotelCommands(storage::HotelStore& store, blob::BlobStore& blobs, CommandOptions options = {},
                const core::Clock& clock = core::SystemClock::instance());

  CommandResult<domain::Hotel> create(const Actor& actor, domain::HotelInput input);
  // Replaces the editable part of hotel `id` if its version is `expected_version`.
  CommandResult<domain::Hotel> edit(const Actor& actor, const std::string& id,
                                    std::int64_t expected_version, domain::HotelInput next);
  CommandResult<domain::Hotel> remove(const Actor& actor, const std::string& id,
                                      std::int64_t expected_version);

  // Validates and stores a photo, adding it (photo_id empty: a generated id; or an id not used
  // yet) or replacing the photo with that id. `expected_version` is checked when given.
  CommandResult<PhotoResult> put_photo(const Actor& actor, const std::string& hotel_id,
                                       std::string photo_id, const PhotoUpload& upload,
                                       std::optional<std::int64_t> expected_version);
  CommandResult<domain::Hotel> remove_photo(const Actor& actor, const std::string& hotel_id,
                                            const std::string& photo_id,
                                            std::optional<std::int64_t> expected_version);
  CommandResult<domain::Hotel> reorder_photos(const Actor& actor, const std::string& hotel_id,
                                              const std::vector<std::string>& order,
                                              std::optional<std::int64_t> expected_version);

  // Demo data assigns managers by e-mail; the first call of a HotelManager with that e-mail
  // binds the assignments to the user id (hotel.managers_changed). Cheap when nothing is
  // pending. Returns how many hotels it bound.
  int bind_pending_managers(const Actor& actor);
  // Whether assignments by e-mail may be pending (set by seeding, cleared once none are).
  void note_pending_managers() { pending_managers_ = true; }

 private:
  storage::HotelStore& store_;
  blob::BlobStore& blobs_;
  const CommandOptions options_;
  const core::Clock& clock_;
  std::atomic<bool> pending_managers_{true};
};

}  // namespace hotel::hotels::application
