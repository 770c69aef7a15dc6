// Turns hotel events into read-model changes: the handler of the search service's subscription to
// the hotels feed, and of `hotel search load`. Unknown event types are skipped; a snapshot that
// breaks the contract throws (the subscription retries it, then parks it as a dead letter).
// After each commit it moves the search_index_hotels gauge and observes event_to_index_seconds
// (from the event's time to the commit).
#pragma once

#include <cstdint>

#include "chassis/core/clock.hpp"
#include "chassis/events/envelope.hpp"
#include "services/search/storage/read_model.hpp"

namespace hotel::observe {
class Gauge;
class Histogram;
class Registry;
}  // namespace hotel::observe
namespace hotel::store {
class Transaction;
}

namespace hotel::search {

inline constexpr const char* kHotelsSubscription = "search.hotels";

class Indexer {
 public:
  // `metrics` and `memory` may be null (the CLI); `memory` is changed after each commit.
  explicit Indexer(observe::Registry* metrics,
                   const core::Clock& clock = core::SystemClock::instance(),
                   storage::MemoryIndex* memory = nullptr);

  void apply(store::Transaction& tx, const events::Event& event);
  // Sets the live hotel count (at start and after a rebuild).
  void set_hotels(std::int64_t count);

 private:
  const core::Clock& clock_;
  storage::ReadModelWriter writer_;
  observe::Gauge* hotels_ = nullptr;
  observe::Histogram* freshness_ = nullptr;
};

}  // namespace hotel::search
