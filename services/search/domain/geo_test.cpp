#include "services/search/domain/geo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace hotel::search::domain {
namespace {

bool in_any(const std::vector<GeoBox>& boxes, GeoPoint p) {
  for (const auto& box : boxes) {
    if (box.contains(p)) return true;
  }
  return false;
}

TEST(SearchGeo, HaversineMatchesKnownDistances) {
  const GeoPoint paris{48.8566, 2.3522};
  const GeoPoint london{51.5074, -0.1278};
  EXPECT_NEAR(haversine_km(paris, london), 343.6, 1.0);
  const GeoPoint sao_paulo{-23.5475, -46.63611};
  const GeoPoint rio{-22.90642, -43.18223};
  EXPECT_NEAR(haversine_km(sao_paulo, rio), 360.7, 1.5);
  EXPECT_DOUBLE_EQ(haversine_km(paris, paris), 0.0);
  EXPECT_NEAR(haversine_km({0, 179.9}, {0, -179.9}), 22.24, 0.05);  // across the antimeridian
}

TEST(SearchGeo, OneBoxAwayFromTheAntimeridian) {
  const auto boxes = bounding_boxes({48.8566, 2.3522}, 10);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_NEAR(boxes[0].max_latitude - boxes[0].min_latitude, 2 * 10 / 111.195, 1e-3);
}

TEST(SearchGeo, TwoBoxesAcrossTheAntimeridian) {
  const auto boxes = bounding_boxes({-17.7, 179.95}, 50);  // Fiji
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_TRUE(in_any(boxes, {-17.7, -179.9}));
  EXPECT_TRUE(in_any(boxes, {-17.7, 179.8}));
  EXPECT_FALSE(in_any(boxes, {-17.7, 0}));
}

TEST(SearchGeo, FullLongitudeBandAtThePoles) {
  const auto boxes = bounding_boxes({89.9, 10}, 50);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(boxes[0].min_longitude, -180.0);
  EXPECT_EQ(boxes[0].max_longitude, 180.0);
  EXPECT_EQ(boxes[0].max_latitude, 90.0);
}

// Every point within the radius lies in a box, wherever the centre is.
TEST(SearchGeo, BoxesHoldTheWholeCircle) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> lat(-85, 85), lon(-180, 180), radius(0.5, 800);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 2000; ++i) {
    const GeoPoint center{lat(random), lon(random)};
    const double r = radius(random);
    const auto boxes = bounding_boxes(center, r);
    // Points on the circle's rim in many directions.
    for (int k = 0; k < 36; ++k) {
      const double bearing = k * 10.0 * M_PI / 180.0;
      const double d = r * 0.999 / kEarthRadiusKm;
      const double lat1 = center.latitude * M_PI / 180.0;
      const double lon1 = center.longitude * M_PI / 180.0;
      const double lat2 = std::asin(std::sin(lat1) * std::cos(d) +
                                    std::cos(lat1) * std::sin(d) * std::cos(bearing));
      double lon2 = lon1 + std::atan2(std::sin(bearing) * std::sin(d) * std::cos(lat1),
                                      std::cos(d) - std::sin(lat1) * std::sin(lat2));
      GeoPoint p{lat2 * 180.0 / M_PI, lon2 * 180.0 / M_PI};
      if (p.longitude > 180) p.longitude -= 360;
      if (p.longitude < -180) p.longitude += 360;
      ASSERT_LT(haversine_km(center, p), r);
      ASSERT_TRUE(in_any(boxes, p)) << center.latitude << "," << center.longitude << " r=" << r;
    }
  }
}

}  // namespace
}  // namespace hotel::search::domain
