// The hotels service's storage port: a repository of hotels (with their room types, managers and
// photos) used inside one unit of work that also publishes events to the outbox. Access is by
// key (hotel id, creator, manager, e-mail), so a DynamoDB or PostgreSQL implementation can
// follow the SQLite one (sqlite_hotel_store.hpp) without touching the domain.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/events/outbox.hpp"
#include "services/hotels/domain/hotel.hpp"

namespace hotel::hotels::storage {

struct HotelQuery {
  enum class Scope { kAll, kCreatedBy, kManagedBy };
  Scope scope = Scope::kAll;
  std::string user_id;     // kCreatedBy, kManagedBy
  std::int64_t after = 0;  // the cursor of the previous page, 0 for the first
  std::size_t limit = 50;
};

struct HotelPage {
  std::vector<domain::Hotel> hotels;
  std::optional<std::int64_t> next;  // the cursor of the next page, when there is one
};

class HotelRepository {
 public:
  virtual ~HotelRepository() = default;

  // The hotel, deleted ones included (Hotel::deleted).
  virtual std::optional<domain::Hotel> find(std::string_view id) = 0;
  // A photo of a hotel that is not deleted.
  virtual std::optional<domain::Photo> find_photo(std::string_view hotel_id,
                                                  std::string_view photo_id) = 0;
  // Hotels that are not deleted, in creation order.
  virtual HotelPage list(const HotelQuery& query) = 0;
  // The most rooms of each room type committed (held + booked) on one night from `from_day`
  // (days since 1970-01-01) on.
  virtual domain::BookedRooms booked_rooms(std::string_view hotel_id, std::int64_t from_day) = 0;
  // Hotels assigned to an e-mail whose user id is not known yet.
  virtual std::vector<std::string> pending_hotels_of(std::string_view email) = 0;
  virtual bool has_pending_managers() = 0;

  // Writes: std::logic_error in a read.
  virtual void insert(const domain::Hotel& hotel) = 0;
  // Stores every part of the hotel (details, room types, managers, photos, deletion).
  virtual void update(const domain::Hotel& hotel) = 0;
  virtual void add_pending_manager(std::string_view email, std::string_view hotel_id) = 0;
  virtual void remove_pending_managers(std::string_view email) = 0;
  // Appends an event to the outbox; published when, and only if, the unit of work commits.
  virtual void publish(events::NewEvent event) = 0;
};

class HotelStore {
 public:
  virtual ~HotelStore() = default;
  // Runs `work` in one write transaction; an exception rolls everything back (events included)
  // and propagates. Blocking.
  virtual void write(const std::function<void(HotelRepository&)>& work) = 0;
  // Runs `work` on one consistent read-only snapshot. Blocking.
  virtual void read(const std::function<void(HotelRepository&)>& work) const = 0;
};

}  // namespace hotel::hotels::storage
