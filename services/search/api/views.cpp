#include "services/search/api/views.hpp"

#include <cmath>

namespace hotel::search::api {
namespace {

namespace json = boost::json;

json::object summary_json(const domain::HotelSummary& h) {
  json::object o{
      {"id", h.id},
      {"name", h.name},
      {"city", h.city},
      {"country", h.country},
      {"stars", h.stars},
      {"price", json::object{{"amount", h.price.amount}, {"currency", h.price.currency}}},
      {"latitude", h.latitude},
      {"longitude", h.longitude}};
  if (h.distance_km) o["distance_km"] = std::round(*h.distance_km * 1000.0) / 1000.0;
  o["thumbnail_url"] = h.thumbnail_url ? json::value(*h.thumbnail_url) : json::value(nullptr);
  return o;
}

json::object facets_json(const domain::Facets& f) {
  json::array cities;
  for (const auto& c : f.cities) {
    cities.push_back(json::object{{"city", c.city}, {"country", c.country}, {"count", c.count}});
  }
  json::array stars;
  for (const auto& s : f.stars)
    stars.push_back(json::object{{"stars", s.stars}, {"count", s.count}});
  return {{"total", f.total}, {"cities", std::move(cities)}, {"stars", std::move(stars)}};
}

}  // namespace

json::object page_json(const domain::SearchPage& page) {
  json::array hotels;
  hotels.reserve(page.hotels.size());
  for (const auto& h : page.hotels) hotels.push_back(summary_json(h));
  json::object body{{"hotels", std::move(hotels)}};
  body["next_cursor"] =
      page.next ? json::value(domain::encode_cursor(*page.next)) : json::value(nullptr);
  if (page.facets) body["facets"] = facets_json(*page.facets);
  return body;
}

}  // namespace hotel::search::api
