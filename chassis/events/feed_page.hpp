// The feed's wire format, shared by the producer (feed.cpp) and the consumer (subscription.cpp):
//   GET <path>?after=<seq>&limit=<n>&wait=<s>  ->  {"events":[CloudEvents...],"last_seq":N}
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "chassis/events/envelope.hpp"

namespace hotel::events {

struct FeedPage {
  std::vector<Event> events;  // in seq order
  std::int64_t last_seq = 0;  // the producer's newest seq when the page was read
};

boost::json::object to_json(const FeedPage& page);
// Throws EnvelopeError for a bad event, std::invalid_argument (or boost::system::system_error
// for invalid JSON) for a bad page.
FeedPage parse_feed_page(std::string_view body);

// "<path>?after=<after>&limit=<limit>&wait=<seconds>"
std::string feed_target(std::string_view path, std::int64_t after, int limit,
                        std::chrono::seconds wait);

}  // namespace hotel::events
