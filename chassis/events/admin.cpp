#include "chassis/events/admin.hpp"

#include <charconv>
#include <limits>

#include <boost/json/parse.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/events/consumer_store.hpp"
#include "chassis/events/subscription.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"

namespace hotel::events {
namespace {

using Subscriptions = std::vector<Subscription*>;

Subscription* find_subscription(const Subscriptions& subscriptions, const std::string& name) {
  for (auto* subscription : subscriptions) {
    if (subscription->name() == name) return subscription;
  }
  return nullptr;
}

std::int64_t dead_letter_id(const http::Request& request) {
  const std::string& text = request.param("id");
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id < 1) {
    throw http::BadRequest("id", "must be a positive integer");
  }
  return id;
}

boost::json::object to_json(const DeadLetter& letter) {
  boost::json::object json{{"id", letter.id},
                           {"subscription", letter.subscription},
                           {"seq", letter.seq},
                           {"event_id", letter.event_id},
                           {"type", letter.type},
                           {"error", letter.error},
                           {"attempts", letter.attempts},
                           {"parked_at", letter.parked_at}};
  json["replayed_at"] = letter.replayed_at ? boost::json::value(*letter.replayed_at) : nullptr;
  boost::system::error_code not_json;
  auto event = boost::json::parse(letter.payload, not_json);
  json["event"] = not_json ? boost::json::value(letter.payload) : std::move(event);
  return json;
}

std::string_view replay_result_name(ReplayResult result) {
  return result == ReplayResult::kReplayed ? "replayed" : "already_replayed";
}

}  // namespace

http::RoutePolicy event_admin_policy() {
  http::RoutePolicy policy;
  policy.access = http::Access::groups_any({"Admin"});
  return policy;
}

void add_event_admin_routes(http::Router& router, ConsumerStore& store, core::Runtime& runtime,
                            const std::vector<Subscription*>& subscriptions) {
  router.get(
      "/v1/admin/dead-letters",
      [&store, &runtime](http::Request& request) -> http::Task<http::Response> {
        const auto subscription = request.query_param("subscription");
        const auto letters =
            co_await runtime.call([&] { return store.list_dead_letters(subscription); });
        boost::json::array items;
        for (const auto& letter : letters) items.push_back(to_json(letter));
        co_return http::json_response(200, boost::json::object{{"dead_letters", std::move(items)}});
      },
      event_admin_policy());

  router.post(
      "/v1/admin/dead-letters/{id}/replay",
      [&store, &runtime, subscriptions](http::Request& request) -> http::Task<http::Response> {
        const std::int64_t id = dead_letter_id(request);
        const auto letter = co_await runtime.call([&] { return store.find_dead_letter(id); });
        if (!letter) throw http::NotFound("no dead letter " + std::to_string(id));
        auto* subscription = find_subscription(subscriptions, letter->subscription);
        if (subscription == nullptr) {
          throw http::Conflict("no subscription '" + letter->subscription + "' runs here",
                               "unknown_subscription");
        }
        std::string failure;
        auto result = ReplayResult::kNotFound;
        try {
          result = co_await runtime.call([&] { return subscription->replay(id); });
        } catch (const std::exception& error) {
          failure = error.what();
        }
        if (!failure.empty()) {
          throw http::Conflict("the handler failed again: " + failure, "replay_failed");
        }
        if (result == ReplayResult::kNotFound) {
          throw http::NotFound("no dead letter " + std::to_string(id));
        }
        co_return http::json_response(200,
                                      boost::json::object{{"id", id},
                                                          {"subscription", letter->subscription},
                                                          {"result", replay_result_name(result)}});
      },
      event_admin_policy());

  router.post(
      "/v1/admin/subscriptions/{name}/reset",
      [&runtime, subscriptions](http::Request& request) -> http::Task<http::Response> {
        const std::string& name = request.param("name");
        auto* subscription = find_subscription(subscriptions, name);
        if (subscription == nullptr) throw http::NotFound("no subscription '" + name + "'");
        const std::int64_t to =
            http::query_int(request, "to", 0, 0, std::numeric_limits<std::int64_t>::max());
        co_await runtime.call([&] { subscription->reset_cursor(to); });
        co_return http::json_response(200,
                                      boost::json::object{{"subscription", name}, {"cursor", to}});
      },
      event_admin_policy());
}

}  // namespace hotel::events
