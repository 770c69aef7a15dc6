// Every SQL statement of the search read model (the schema is in migrations.cpp); `?`
// parameters are bound in order.
#pragma once

namespace hotel::search::storage::queries {

// --- writing (read_model.cpp) ---
inline constexpr const char* kSelectLive =
    "SELECT h.doc, h.version, d.name, d.description"
    " FROM hotels h JOIN hotel_details d ON d.doc = h.doc WHERE h.id = ?";
inline constexpr const char* kSelectTombstone = "SELECT version FROM hotel_tombstones WHERE id = ?";
inline constexpr const char* kInsertHotel =
    "INSERT INTO hotels (id, version, city, country, stars, latitude, longitude, min_price)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr const char* kUpdateHotel =
    "UPDATE hotels SET id = ?, version = ?, city = ?, country = ?, stars = ?, latitude = ?,"
    " longitude = ?, min_price = ? WHERE doc = ?";
inline constexpr const char* kDeleteHotel = "DELETE FROM hotels WHERE doc = ?";
inline constexpr const char* kUpsertDetails =
    "INSERT OR REPLACE INTO hotel_details (doc, name, description, currency, thumbnail_url,"
    " detail) VALUES (?, ?, ?, ?, ?, ?)";
inline constexpr const char* kDeleteDetails = "DELETE FROM hotel_details WHERE doc = ?";
inline constexpr const char* kInsertText =
    "INSERT INTO hotel_text (rowid, name, description) VALUES (?, ?, ?)";
// External-content FTS5 forgets a row when told its old values.
inline constexpr const char* kDeleteText =
    "INSERT INTO hotel_text (hotel_text, rowid, name, description) VALUES ('delete', ?, ?, ?)";
inline constexpr const char* kInsertOffer =
    "INSERT OR IGNORE INTO hotel_offers (doc, capacity, price) VALUES (?, ?, ?)";
inline constexpr const char* kDeleteOffers = "DELETE FROM hotel_offers WHERE doc = ?";
inline constexpr const char* kUpsertTombstone =
    "INSERT INTO hotel_tombstones (id, version) VALUES (?, ?)"
    " ON CONFLICT (id) DO UPDATE SET version = excluded.version";
inline constexpr const char* kDeleteTombstone = "DELETE FROM hotel_tombstones WHERE id = ?";
inline constexpr const char* kClearReadModel =
    "DELETE FROM hotels;"
    "DELETE FROM hotel_details;"
    "INSERT INTO hotel_text (hotel_text) VALUES ('delete-all');"
    "DELETE FROM hotel_offers;"
    "DELETE FROM hotel_tombstones";
inline constexpr const char* kCountHotels = "SELECT count(*) FROM hotels";

// --- reading (memory_hotel_index.cpp, memory_index.cpp) ---
inline constexpr const char* kSelectDetail =
    "SELECT d.detail FROM hotels h JOIN hotel_details d ON d.doc = h.doc WHERE h.id = ?";
// The summary of a page member.
inline constexpr const char* kSelectSummary =
    "SELECT h.id, d.name, h.city, h.country, h.stars, h.latitude, h.longitude, d.currency,"
    " d.thumbnail_url FROM hotels h JOIN hotel_details d ON d.doc = h.doc WHERE h.doc = ?";
// The docs whose name or description match an FTS5 expression, ascending.
inline constexpr const char* kTextMatches =
    "SELECT rowid FROM hotel_text WHERE hotel_text MATCH ? ORDER BY rowid";
// What the memory index keeps, in doc order (memory_index.cpp merges the two).
inline constexpr const char* kLoadHotels =
    "SELECT doc, city, country, stars, latitude, longitude, min_price FROM hotels ORDER BY doc";
inline constexpr const char* kLoadOffers =
    "SELECT doc, capacity, price FROM hotel_offers ORDER BY doc";

}  // namespace hotel::search::storage::queries
