#include "services/search/indexer.hpp"

#include "chassis/observe/metrics.hpp"
#include "chassis/store/database.hpp"
#include "services/search/domain/dates.hpp"
#include "services/search/domain/hotel.hpp"
#include "services/search/storage/read_model.hpp"

namespace hotel::search {
namespace {

// From a few milliseconds (live) to an hour (a rebuild replaying old events).
std::vector<double> freshness_buckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600};
}

}  // namespace

Indexer::Indexer(observe::Registry* metrics, const core::Clock& clock, storage::MemoryIndex* memory)
    : clock_(clock), writer_(memory) {
  if (metrics == nullptr) return;
  hotels_ = &metrics->gauge("search_index_hotels", "Live hotels in the search read model");
  freshness_ = &metrics->histogram("event_to_index_seconds",
                                   "Time from a hotel event's time to its commit in the read model",
                                   {}, freshness_buckets());
}

void Indexer::apply(store::Transaction& tx, const events::Event& event) {
  const auto change = domain::hotel_change(event);
  if (!change) return;
  const auto applied = writer_.apply(tx, *change);
  if (hotels_ == nullptr) return;
  tx.on_commit([this, delta = storage::live_delta(applied), time = event.time] {
    if (delta != 0) hotels_->add(delta);
    if (const auto at = domain::parse_rfc3339(time)) {
      const std::chrono::duration<double> age = clock_.system_now() - *at;
      freshness_->observe(std::max(0.0, age.count()));
    }
  });
}

void Indexer::set_hotels(std::int64_t count) {
  if (hotels_ != nullptr) hotels_->set(static_cast<double>(count));
}

}  // namespace hotel::search
