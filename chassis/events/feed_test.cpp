#include "chassis/events/feed.hpp"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include <boost/json/parse.hpp>

#include "chassis/events/testing/feed_server.hpp"
#include "chassis/http/testing/test_server.hpp"

namespace hotel::events {
namespace {

using http::testing::fetch;

boost::json::object get_json(std::uint16_t port, const std::string& target) {
  const auto response = fetch(port, "GET", target);
  EXPECT_EQ(response.status, 200) << response.body;
  return boost::json::parse(response.body).as_object();
}

void wait_until_parked(AppendNotifier& notifier) {
  while (notifier.waiting() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

class FeedTest : public ::testing::Test {
 protected:
  testing::FeedServer producer_;
};

TEST_F(FeedTest, ServesEventsAfterASeqAsCloudEvents) {
  producer_.append("hotel.created", "h-1", boost::json::parse(R"({"name":"Grand"})"));
  producer_.append("hotel.updated", "h-1");
  producer_.append("hotel.deleted", "h-1");

  const auto body = get_json(producer_.port(), "/v1/events?after=1&limit=1");
  EXPECT_EQ(body.at("last_seq").as_int64(), 3);
  const auto& events = body.at("events").as_array();
  ASSERT_EQ(events.size(), 1u);
  const Event event = from_json(events[0]);
  EXPECT_EQ(event.sequence, 2);
  EXPECT_EQ(event.type, "hotel.updated");
  EXPECT_EQ(event.source, "hotel/test-producer");

  const auto all = get_json(producer_.port(), "/v1/events");
  ASSERT_EQ(all.at("events").as_array().size(), 3u);
  EXPECT_EQ(from_json(all.at("events").as_array()[0]).data,
            boost::json::parse(R"({"name":"Grand"})"));
}

TEST_F(FeedTest, AnswersEmptyAtOnceWithoutWait) {
  const auto body = get_json(producer_.port(), "/v1/events?after=0");
  EXPECT_TRUE(body.at("events").as_array().empty());
  EXPECT_EQ(body.at("last_seq").as_int64(), 0);
}

TEST_F(FeedTest, LongPollWakesWhenAnEventIsAppended) {
  auto pending = std::async(
      std::launch::async, [&] { return get_json(producer_.port(), "/v1/events?after=0&wait=20"); });
  wait_until_parked(producer_.notifier());
  producer_.append("hotel.created", "h-9");
  // Woken by the append, not by the 20 s bound: the answer carries the event.
  const auto body = pending.get();
  ASSERT_EQ(body.at("events").as_array().size(), 1u);
  EXPECT_EQ(from_json(body.at("events").as_array()[0]).subject, "h-9");
  EXPECT_EQ(producer_.notifier().waiting(), 0u);
}

TEST_F(FeedTest, LongPollTimesOutEmpty) {
  const auto body = get_json(producer_.port(), "/v1/events?after=0&wait=1");
  EXPECT_TRUE(body.at("events").as_array().empty());
}

TEST_F(FeedTest, BadParametersAreNamed) {
  for (const auto* target :
       {"/v1/events?after=-1", "/v1/events?after=x", "/v1/events?limit=0",
        "/v1/events?limit=100000", "/v1/events?wait=-3", "/v1/events?wait=soon"}) {
    const auto response = fetch(producer_.port(), "GET", target);
    EXPECT_EQ(response.status, 400) << target;
    const std::string name = std::string(target).substr(11, std::string(target).find('=') - 11);
    EXPECT_NE(response.body.find(name), std::string::npos) << target << " " << response.body;
  }
}

}  // namespace
}  // namespace hotel::events
