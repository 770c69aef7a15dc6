// Every SQL statement of the hotels service's repository (the schema is in migrations.cpp).
#pragma once

namespace hotel::hotels::storage::queries {

// hotels: every select names the same columns in this order (sqlite_hotel_store.cpp reads them).
inline constexpr const char* kSelectHotel =
    "SELECT "
    "seq, id, version, name, description, address, city, country, latitude, longitude, stars,"
    " base_amount, currency, amenities, check_in, check_out, instant_confirmation, created_by,"
    " created_at, updated_at, deleted_at"
    " FROM hotels WHERE id = ?";
// ?1 after-seq, ?2 limit
inline constexpr const char* kSelectHotelsPage =
    "SELECT "
    "seq, id, version, name, description, address, city, country, latitude, longitude, stars,"
    " base_amount, currency, amenities, check_in, check_out, instant_confirmation, created_by,"
    " created_at, updated_at, deleted_at"
    " FROM hotels WHERE deleted_at IS NULL AND seq > ?1"
    " ORDER BY seq LIMIT ?2";
// ?1 creator, ?2 after-seq, ?3 limit
inline constexpr const char* kSelectHotelsByCreator =
    "SELECT "
    "seq, id, version, name, description, address, city, country, latitude, longitude, stars,"
    " base_amount, currency, amenities, check_in, check_out, instant_confirmation, created_by,"
    " created_at, updated_at, deleted_at"
    " FROM hotels WHERE created_by = ?1 AND deleted_at IS NULL AND seq > ?2"
    " ORDER BY seq LIMIT ?3";
// ?1 manager, ?2 after-seq, ?3 limit
inline constexpr const char* kSelectHotelsByManager =
    "SELECT "
    "seq, id, version, name, description, address, city, country, latitude, longitude, stars,"
    " base_amount, currency, amenities, check_in, check_out, instant_confirmation, created_by,"
    " created_at, updated_at, deleted_at"
    " FROM hotels WHERE id IN (SELECT hotel_id FROM hotel_managers WHERE user_id = ?1)"
    " AND deleted_at IS NULL AND seq > ?2 ORDER BY seq LIMIT ?3";

inline constexpr const char* kInsertHotel =
    "INSERT INTO hotels (id, version, name, description, address, city, country, latitude,"
    " longitude, stars, base_amount, currency, amenities, check_in, check_out,"
    " instant_confirmation, created_by, created_at, updated_at, deleted_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20)";
inline constexpr const char* kUpdateHotel =
    "UPDATE hotels SET version = ?2, name = ?3, description = ?4, address = ?5, city = ?6,"
    " country = ?7, latitude = ?8, longitude = ?9, stars = ?10, base_amount = ?11,"
    " currency = ?12, amenities = ?13, check_in = ?14, check_out = ?15,"
    " instant_confirmation = ?16, created_by = ?17, created_at = ?18, updated_at = ?19,"
    " deleted_at = ?20 WHERE id = ?1";

// room types
inline constexpr const char* kSelectRoomTypes =
    "SELECT id, name, capacity, count, price_amount, price_currency FROM room_types"
    " WHERE hotel_id = ? ORDER BY position";
inline constexpr const char* kDeleteRoomTypes = "DELETE FROM room_types WHERE hotel_id = ?";
inline constexpr const char* kInsertRoomType =
    "INSERT INTO room_types (hotel_id, position, id, name, capacity, count, price_amount,"
    " price_currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

// managers
inline constexpr const char* kSelectManagers =
    "SELECT user_id FROM hotel_managers WHERE hotel_id = ? ORDER BY user_id";
inline constexpr const char* kDeleteManagers = "DELETE FROM hotel_managers WHERE hotel_id = ?";
inline constexpr const char* kInsertManager =
    "INSERT INTO hotel_managers (hotel_id, user_id) VALUES (?, ?)";

// photos
inline constexpr const char* kSelectPhotos =
    "SELECT id, content_type, width, height, size, etag, blob_key, thumbnail_key"
    " FROM photos WHERE hotel_id = ? ORDER BY position";
inline constexpr const char* kSelectLivePhoto =
    "SELECT id, content_type, width, height, size, etag, blob_key, thumbnail_key"
    " FROM photos WHERE hotel_id = ?1 AND id = ?2"
    " AND EXISTS (SELECT 1 FROM hotels WHERE id = ?1 AND deleted_at IS NULL)";
inline constexpr const char* kDeletePhotos = "DELETE FROM photos WHERE hotel_id = ?";
inline constexpr const char* kInsertPhoto =
    "INSERT INTO photos (hotel_id, position, id, content_type, width, height, size, etag,"
    " blob_key, thumbnail_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// rooms committed per room type and night (the projection of booking's inventory events)
inline constexpr const char* kSelectBookedRooms =
    "SELECT room_type_id, MAX(held + booked) FROM room_nights WHERE hotel_id = ? AND night >= ?"
    " GROUP BY room_type_id";
inline constexpr const char* kUpsertRoomNight =
    "INSERT INTO room_nights (hotel_id, room_type_id, night, held, booked) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (hotel_id, room_type_id, night) DO UPDATE SET held = excluded.held,"
    " booked = excluded.booked";
inline constexpr const char* kDeleteRoomNight =
    "DELETE FROM room_nights WHERE hotel_id = ? AND room_type_id = ? AND night = ?";
inline constexpr const char* kDeletePastRoomNights =
    "DELETE FROM room_nights WHERE hotel_id = ? AND room_type_id = ? AND night < ?";

// pending manager assignments by e-mail
inline constexpr const char* kSelectPendingHotels =
    "SELECT hotel_id FROM pending_managers WHERE email = ? ORDER BY hotel_id";
inline constexpr const char* kAnyPendingManager = "SELECT EXISTS (SELECT 1 FROM pending_managers)";
inline constexpr const char* kInsertPendingManager =
    "INSERT OR IGNORE INTO pending_managers (email, hotel_id) VALUES (?, ?)";
inline constexpr const char* kDeletePendingManagers =
    "DELETE FROM pending_managers WHERE email = ?";

}  // namespace hotel::hotels::storage::queries
