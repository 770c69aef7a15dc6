// The query side's port: what the API asks of the read model. Blocking; the API runs it on the
// worker pool behind a circuit breaker (api/guarded_index.hpp).
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "services/search/domain/results.hpp"
#include "services/search/domain/search_query.hpp"

namespace hotel::search::storage {

using Deadline = std::chrono::steady_clock::time_point;

// The index did not answer before the deadline.
class IndexTimeout : public std::runtime_error {
 public:
  IndexTimeout() : std::runtime_error("the search index did not answer in time") {}
};

class HotelIndex {
 public:
  virtual ~HotelIndex() = default;
  // Throws IndexTimeout past `deadline`; any other exception is a failure of the index.
  virtual domain::SearchPage search(const domain::SearchQuery& query, Deadline deadline) const = 0;
  // The public detail of a live hotel as JSON text; nullopt when it is unknown or deleted.
  virtual std::optional<std::string> find(const std::string& id, Deadline deadline) const = 0;
};

}  // namespace hotel::search::storage
