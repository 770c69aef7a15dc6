// Great-circle distances and the latitude/longitude boxes that hold a circle, for "near"
// searches: the index finds what lies in the boxes, haversine() keeps what lies in the circle.
#pragma once

#include <vector>

namespace hotel::search::domain {

inline constexpr double kEarthRadiusKm = 6371.0088;  // mean radius (IUGG)

struct GeoPoint {
  double latitude = 0;   // degrees, [-90, 90]
  double longitude = 0;  // degrees, [-180, 180]
};

// Great-circle distance in kilometres.
double haversine_km(GeoPoint a, GeoPoint b);

struct GeoBox {
  double min_latitude = 0;
  double max_latitude = 0;
  double min_longitude = 0;
  double max_longitude = 0;
  bool contains(GeoPoint p) const {
    return p.latitude >= min_latitude && p.latitude <= max_latitude &&
           p.longitude >= min_longitude && p.longitude <= max_longitude;
  }
};

// Boxes whose union holds every point within `radius_km` of `center`: one box, or two when the
// circle crosses the antimeridian; a full band of longitudes when it reaches a pole.
std::vector<GeoBox> bounding_boxes(GeoPoint center, double radius_km);

}  // namespace hotel::search::domain
