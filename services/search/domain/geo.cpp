#include "services/search/domain/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hotel::search::domain {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

}  // namespace

double haversine_km(GeoPoint a, GeoPoint b) {
  const double lat1 = a.latitude * kDegree;
  const double lat2 = b.latitude * kDegree;
  const double dlat = lat2 - lat1;
  const double dlon = (b.longitude - a.longitude) * kDegree;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<GeoBox> bounding_boxes(GeoPoint center, double radius_km) {
  const double dlat = radius_km / kEarthRadiusKm / kDegree;
  const double min_lat = center.latitude - dlat;
  const double max_lat = center.latitude + dlat;
  if (min_lat <= -90.0 || max_lat >= 90.0) {
    return {{std::max(min_lat, -90.0), std::min(max_lat, 90.0), -180.0, 180.0}};
  }
  // The circle's longitude half-span on a sphere (Matuschek, "Finding Points Within a Distance
  // of a Latitude/Longitude Using Bounding Coordinates").
  const double ratio = std::sin(radius_km / kEarthRadiusKm) / std::cos(center.latitude * kDegree);
  if (ratio >= 1.0) return {{min_lat, max_lat, -180.0, 180.0}};
  const double dlon = std::asin(ratio) / kDegree * 1.0000001;  // a hair wider, for rounding
  const double min_lon = center.longitude - dlon;
  const double max_lon = center.longitude + dlon;
  if (min_lon < -180.0) {
    return {{min_lat, max_lat, min_lon + 360.0, 180.0}, {min_lat, max_lat, -180.0, max_lon}};
  }
  if (max_lon > 180.0) {
    return {{min_lat, max_lat, min_lon, 180.0}, {min_lat, max_lat, -180.0, max_lon - 360.0}};
  }
  return {{min_lat, max_lat, min_lon, max_lon}};
}

}  // namespace hotel::search::domain
