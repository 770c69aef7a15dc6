#include "chassis/events/feed.hpp"

#include <algorithm>
#include <limits>

#include "chassis/core/runtime.hpp"
#include "chassis/events/notifier.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/http/json.hpp"

namespace hotel::events {
namespace {

using Clock = std::chrono::steady_clock;

struct FeedQuery {
  std::int64_t after = 0;
  std::int64_t limit = 0;
  Clock::time_point deadline;
};

FeedQuery parse_query(const http::Request& request, const FeedOptions& options) {
  constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kLongestWaitAsked = std::int64_t{24} * 3600;  // larger is surely a mistake
  FeedQuery query;
  query.after = http::query_int(request, "after", 0, 0, kMaxInt);
  query.limit = http::query_int(request, "limit", options.default_limit, 1, options.max_limit);
  const auto wait =
      std::min(std::chrono::seconds(http::query_int(request, "wait", 0, 0, kLongestWaitAsked)),
               options.max_wait);
  // Answer (empty) a little before the request's own deadline rather than after it.
  const auto margin = std::chrono::seconds(1);
  const auto request_deadline = request.context.deadline == Clock::time_point::max()
                                    ? Clock::time_point::max()
                                    : request.context.deadline - margin;
  query.deadline = std::min(Clock::now() + wait, request_deadline);
  return query;
}

}  // namespace

std::shared_ptr<AppendNotifier> add_event_feed_routes(http::Router& router, Outbox& outbox,
                                                      core::Runtime& runtime,
                                                      const FeedOptions& options) {
  auto notifier = std::make_shared<AppendNotifier>();
  outbox.add_listener([notifier] { notifier->notify(); });
  router.get(
      options.path,
      [&outbox, &runtime, notifier, options](http::Request& request) -> http::Task<http::Response> {
        const FeedQuery query = parse_query(request, options);
        const auto limit = static_cast<std::size_t>(query.limit);
        for (;;) {
          // The generation is taken BEFORE reading: a commit after the read moves it, so the
          // wait below returns at once instead of sleeping through that event.
          const std::uint64_t seen = notifier->generation();
          auto page = co_await runtime.call([&] { return outbox.read_page(query.after, limit); });
          if (!page.events.empty() || Clock::now() >= query.deadline || notifier->closed()) {
            co_return http::json_response(200, to_json(page));
          }
          if (!co_await notifier->wait_for_change(seen, query.deadline)) {
            co_return http::json_response(200, to_json(page));  // timed out: nothing new
          }
        }
      },
      options.policy);
  return notifier;
}

}  // namespace hotel::events
