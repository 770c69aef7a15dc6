// Every SQL statement of the search read model (the schema is in migrations.cpp). Searches are
// assembled from the fragments below (search_sql.cpp); `?` parameters are bound in order.
#pragma once

namespace hotel::search::storage::queries {

// --- writing (read_model.cpp) ---
inline constexpr const char* kSelectLive =
    "SELECT h.doc, h.version, d.name, d.description, h.city, h.country, h.stars"
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
inline constexpr const char* kInsertCityKey =
    "INSERT OR IGNORE INTO city_keys (key, doc) VALUES (?, ?)";
inline constexpr const char* kDeleteCityKey = "DELETE FROM city_keys WHERE key = ? AND doc = ?";
inline constexpr const char* kUpsertPlace =
    "INSERT OR REPLACE INTO hotel_places (doc, min_lat, max_lat, min_lon, max_lon)"
    " VALUES (?1, ?2, ?2, ?3, ?3)";
inline constexpr const char* kDeletePlace = "DELETE FROM hotel_places WHERE doc = ?";
inline constexpr const char* kUpsertTombstone =
    "INSERT INTO hotel_tombstones (id, version) VALUES (?, ?)"
    " ON CONFLICT (id) DO UPDATE SET version = excluded.version";
inline constexpr const char* kDeleteTombstone = "DELETE FROM hotel_tombstones WHERE id = ?";
inline constexpr const char* kAddFacet =
    "INSERT INTO facet_counts (facet, value, hotels) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (facet, value) DO UPDATE SET hotels = hotels + ?3";
inline constexpr const char* kDropEmptyFacet =
    "DELETE FROM facet_counts WHERE facet = ? AND value = ? AND hotels <= 0";
inline constexpr const char* kClearReadModel =
    "DELETE FROM hotels;"
    "DELETE FROM hotel_details;"
    "INSERT INTO hotel_text (hotel_text) VALUES ('delete-all');"
    "DELETE FROM hotel_offers;"
    "DELETE FROM city_keys;"
    "DELETE FROM hotel_places;"
    "DELETE FROM hotel_tombstones;"
    "DELETE FROM facet_counts";
inline constexpr const char* kCountHotels =
    "SELECT coalesce(sum(hotels), 0) FROM facet_counts WHERE facet = 'stars'";

// --- reading (sqlite_hotel_index.cpp) ---
inline constexpr const char* kSelectDetail =
    "SELECT d.detail FROM hotels h JOIN hotel_details d ON d.doc = h.doc WHERE h.id = ?";
// The summary of a page member.
inline constexpr const char* kSelectSummary =
    "SELECT h.id, d.name, h.city, h.country, h.stars, h.latitude, h.longitude, d.currency,"
    " d.thumbnail_url FROM hotels h JOIN hotel_details d ON d.doc = h.doc WHERE h.doc = ?";
inline constexpr const char* kTopCityFacets =
    "SELECT value, hotels FROM facet_counts WHERE facet = 'city' AND hotels > 0"
    " ORDER BY hotels DESC, value LIMIT ?";
inline constexpr const char* kStarFacets =
    "SELECT value, hotels FROM facet_counts WHERE facet = 'stars' AND hotels > 0"
    " ORDER BY value DESC";

// The filtered set: every live hotel with the price it matches at, narrowed by the filters that
// apply (each fragment adds its own parameters). `price` is NULL for a hotel that no room type
// of which matches. Only the narrow hotels table: a page's summaries are read afterwards.
inline constexpr const char* kFilteredSetHead =
    "SELECT h.doc AS doc, h.id AS id, h.city AS city, h.country AS country, h.stars AS stars,"
    " h.latitude AS latitude, h.longitude AS longitude, ";
inline constexpr const char* kPriceLowest = "h.min_price";
// ?: guests (0 when unset), lowest price, highest price
inline constexpr const char* kPriceMatchingOffer =
    "(SELECT min(o.price) FROM hotel_offers o WHERE o.doc = h.doc AND o.capacity >= ?"
    " AND o.price BETWEEN ? AND ?)";
inline constexpr const char* kFilteredSetFrom = " AS price FROM hotels h WHERE 1";
inline constexpr const char* kFilterCity =
    " AND h.doc IN (SELECT doc FROM city_keys WHERE key >= ? AND key < ?)";
inline constexpr const char* kFilterText =
    " AND h.doc IN (SELECT rowid FROM hotel_text WHERE hotel_text MATCH ?)";
inline constexpr const char* kFilterStars = " AND h.stars >= ?";
inline constexpr const char* kFilterPlacesHead =
    " AND h.doc IN (SELECT doc FROM hotel_places WHERE ";
// ?: min lat, max lat, min lon, max lon (overlap, so float32 rounding loses nothing)
inline constexpr const char* kPlaceBox =
    "(max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)";
inline constexpr const char* kOr = " OR ";
inline constexpr const char* kFilterPlacesTail = ")";

// Around the filtered set.
inline constexpr const char* kPageHead = "SELECT doc, id, stars, price FROM (";
inline constexpr const char* kCandidatesHead =
    "SELECT doc, id, latitude, longitude, stars, price, city, country FROM (";
inline constexpr const char* kCityFacetsHead = "SELECT city, country, count(*) AS n FROM (";
inline constexpr const char* kStarFacetsHead = "SELECT stars, count(*) FROM (";
inline constexpr const char* kMatching = ") WHERE price IS NOT NULL";
inline constexpr const char* kAfterPrice = " AND (price, id) > (?, ?)";
inline constexpr const char* kAfterRating = " AND (stars < ? OR (stars = ? AND id > ?))";
inline constexpr const char* kOrderPrice = " ORDER BY price, id LIMIT ?";
inline constexpr const char* kOrderRating = " ORDER BY stars DESC, id LIMIT ?";
inline constexpr const char* kCityFacetsTail =
    " GROUP BY city, country ORDER BY n DESC, city, country LIMIT ?";
inline constexpr const char* kStarFacetsTail = " GROUP BY stars ORDER BY stars DESC";

}  // namespace hotel::search::storage::queries
