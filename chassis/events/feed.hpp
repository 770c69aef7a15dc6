// A producer's outbox served over HTTP:
//   GET /v1/events?after=<seq>&limit=<n>&wait=<s>  ->  {"events":[CloudEvents...],"last_seq":N}
// Long-poll: when nothing follows `after`, the request waits up to `wait` seconds (capped) and
// answers as soon as an event is committed.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "chassis/http/router.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::events {

class Outbox;
class AppendNotifier;

struct FeedOptions {
  std::string path = "/v1/events";
  std::int64_t default_limit = 100;
  std::int64_t max_limit = 1000;
  std::chrono::seconds max_wait{30};  // a larger `wait` is capped to this
  http::RoutePolicy policy = {.timeout = std::chrono::seconds(40)};
};

// Adds the feed route. The returned notifier is woken by every commit that appends to `outbox`;
// close() it when the service drains so that parked long-polls answer at once. The outbox and
// runtime outlive the router.
std::shared_ptr<AppendNotifier> add_event_feed_routes(http::Router& router, Outbox& outbox,
                                                      core::Runtime& runtime,
                                                      const FeedOptions& options = {});

}  // namespace hotel::events
