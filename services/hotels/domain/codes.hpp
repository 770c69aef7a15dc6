// The fixed vocabularies a hotel is validated against: country codes (ISO 3166-1 alpha-2),
// currency codes (ISO 4217) and amenities.
#pragma once

#include <span>
#include <string_view>

namespace hotel::hotels::domain {

bool is_country_code(std::string_view code);   // upper case, e.g. "PT"
bool is_currency_code(std::string_view code);  // upper case, e.g. "EUR"
bool is_amenity(std::string_view word);        // e.g. "wifi"
// Every amenity, sorted.
std::span<const std::string_view> amenities();

}  // namespace hotel::hotels::domain
