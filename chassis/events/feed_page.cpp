#include "chassis/events/feed_page.hpp"

#include <stdexcept>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace hotel::events {

boost::json::object to_json(const FeedPage& page) {
  boost::json::array events;
  events.reserve(page.events.size());
  for (const auto& event : page.events) events.push_back(to_json(event));
  return boost::json::object{{"events", std::move(events)}, {"last_seq", page.last_seq}};
}

FeedPage parse_feed_page(std::string_view body) {
  const boost::json::value json = boost::json::parse(body);
  const auto* object = json.if_object();
  if (object == nullptr) throw std::invalid_argument("feed page is not a JSON object");
  const auto* events = object->if_contains("events");
  const auto* last_seq = object->if_contains("last_seq");
  if (events == nullptr || !events->is_array()) {
    throw std::invalid_argument("feed page has no 'events' array");
  }
  if (last_seq == nullptr || !last_seq->is_int64()) {
    throw std::invalid_argument("feed page has no integer 'last_seq'");
  }
  FeedPage page;
  page.last_seq = last_seq->get_int64();
  page.events.reserve(events->get_array().size());
  for (const auto& event : events->get_array()) page.events.push_back(from_json(event));
  return page;
}

std::string feed_target(std::string_view path, std::int64_t after, int limit,
                        std::chrono::seconds wait) {
  return std::string(path) + "?after=" + std::to_string(after) + "&limit=" + std::to_string(limit) +
         "&wait=" + std::to_string(wait.count());
}

}  // namespace hotel::events
