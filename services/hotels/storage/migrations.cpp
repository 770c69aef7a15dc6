#include "services/hotels/storage/migrations.hpp"

#include "chassis/events/consumer_store.hpp"
#include "chassis/events/outbox.hpp"

namespace hotel::hotels::storage {
namespace {

// Times are INTEGER milliseconds since the Unix epoch (UTC). Amenities are space-separated
// words. `seq` orders hotels for paging.
constexpr std::string_view kHotels =
    "CREATE TABLE hotels ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE,"
    " version INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " description TEXT NOT NULL,"
    " address TEXT NOT NULL,"
    " city TEXT NOT NULL,"
    " country TEXT NOT NULL,"
    " latitude REAL NOT NULL,"
    " longitude REAL NOT NULL,"
    " stars INTEGER NOT NULL,"
    " base_amount INTEGER NOT NULL,"
    " currency TEXT NOT NULL,"
    " amenities TEXT NOT NULL,"
    " check_in TEXT NOT NULL,"
    " check_out TEXT NOT NULL,"
    " instant_confirmation INTEGER NOT NULL,"
    " created_by TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL,"
    " deleted_at INTEGER);"
    "CREATE INDEX hotels_by_creator ON hotels (created_by, seq);"
    "CREATE TABLE room_types ("
    " hotel_id TEXT NOT NULL REFERENCES hotels (id),"
    " position INTEGER NOT NULL,"
    " id TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " capacity INTEGER NOT NULL,"
    " count INTEGER NOT NULL,"
    " price_amount INTEGER NOT NULL,"
    " price_currency TEXT NOT NULL,"
    " PRIMARY KEY (hotel_id, id));"
    "CREATE TABLE hotel_managers ("
    " hotel_id TEXT NOT NULL REFERENCES hotels (id),"
    " user_id TEXT NOT NULL,"
    " PRIMARY KEY (hotel_id, user_id));"
    "CREATE INDEX hotel_managers_by_user ON hotel_managers (user_id, hotel_id);"
    "CREATE TABLE photos ("
    " hotel_id TEXT NOT NULL REFERENCES hotels (id),"
    " position INTEGER NOT NULL,"
    " id TEXT NOT NULL,"
    " content_type TEXT NOT NULL,"
    " width INTEGER NOT NULL,"
    " height INTEGER NOT NULL,"
    " size INTEGER NOT NULL,"
    " etag TEXT NOT NULL,"
    " blob_key TEXT NOT NULL,"
    " thumbnail_key TEXT NOT NULL,"
    " PRIMARY KEY (hotel_id, id));"
    // Rooms booked per room type, projected from the booking service's inventory events (empty
    // until that service publishes them).
    "CREATE TABLE booked_rooms ("
    " hotel_id TEXT NOT NULL,"
    " room_type_id TEXT NOT NULL,"
    " booked INTEGER NOT NULL,"
    " PRIMARY KEY (hotel_id, room_type_id));"
    // Manager assignments by e-mail (demo data), bound to the user id at that manager's first call.
    "CREATE TABLE pending_managers ("
    " email TEXT NOT NULL,"
    " hotel_id TEXT NOT NULL REFERENCES hotels (id),"
    " PRIMARY KEY (email, hotel_id));";

// booked_rooms (one figure per room type) gives way to rooms committed per night: a count binds
// only while the nights that need it lie ahead. Both are projections of booking's events, which
// did not exist while booked_rooms did (it was always empty).
constexpr std::string_view kRoomNights =
    "DROP TABLE booked_rooms;"
    "CREATE TABLE room_nights ("
    " hotel_id TEXT NOT NULL,"
    " room_type_id TEXT NOT NULL,"
    " night INTEGER NOT NULL,"  // days since 1970-01-01
    " held INTEGER NOT NULL,"
    " booked INTEGER NOT NULL,"
    " PRIMARY KEY (hotel_id, room_type_id, night)) WITHOUT ROWID;";

constexpr store::Migration kMigrations[] = {
    events::outbox_migration(1),
    {2, "hotels", kHotels},
    {3, "room_nights", kRoomNights},
    events::consumer_migration(4),
};

}  // namespace

std::span<const store::Migration> migrations() { return kMigrations; }

}  // namespace hotel::hotels::storage
