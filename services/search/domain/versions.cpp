#include "services/search/domain/versions.hpp"

namespace hotel::search::domain {

std::int64_t version_of(const HotelChange& change) {
  return std::visit([](const auto& c) { return c.version; }, change);
}

const std::string& id_of(const HotelChange& change) {
  return std::visit([](const auto& c) -> const std::string& { return c.id; }, change);
}

Action decide(const std::optional<StoredVersion>& stored, const HotelChange& change) {
  if (stored && version_of(change) <= stored->version) return Action::kIgnore;
  return std::holds_alternative<HotelSnapshot>(change) ? Action::kUpsert : Action::kDelete;
}

}  // namespace hotel::search::domain
