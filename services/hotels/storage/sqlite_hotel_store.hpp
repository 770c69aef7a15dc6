// HotelStore on the service's SQLite database: a unit of work is one store::Database write (or
// read) transaction, and publish() appends to the outbox in that same transaction.
#pragma once

#include "chassis/events/outbox.hpp"
#include "chassis/store/database.hpp"
#include "services/hotels/storage/hotel_repository.hpp"

namespace hotel::hotels::storage {

class SqliteHotelStore final : public HotelStore {
 public:
  // The database (migrated with migrations()) and outbox outlive the store.
  SqliteHotelStore(store::Database& database, events::Outbox& outbox);

  void write(const std::function<void(HotelRepository&)>& work) override;
  void read(const std::function<void(HotelRepository&)>& work) const override;

 private:
  store::Database& database_;
  events::Outbox& outbox_;
};

}  // namespace hotel::hotels::storage
