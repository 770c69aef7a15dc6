// The rule that makes the read model converge whatever order or how often events arrive: a
// change applies only when its version is newer than what the read model holds for that hotel,
// live or deleted (a deletion leaves a tombstone with its version, so an older update arriving
// late cannot bring the hotel back).
#pragma once

#include <cstdint>
#include <optional>

#include "services/search/domain/hotel.hpp"

namespace hotel::search::domain {

struct StoredVersion {
  std::int64_t version = 0;
  bool deleted = false;  // a tombstone
};

enum class Action { kUpsert, kDelete, kIgnore };

Action decide(const std::optional<StoredVersion>& stored, const HotelChange& change);

// The version a change carries.
std::int64_t version_of(const HotelChange& change);
// The hotel a change is about.
const std::string& id_of(const HotelChange& change);

}  // namespace hotel::search::domain
