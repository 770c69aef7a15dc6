#include "chassis/events/outbox.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/json/parse.hpp>

#include "chassis/events/testing/event_database.hpp"

namespace hotel::events {
namespace {

class OutboxTest : public ::testing::Test {
 protected:
  NewEvent created(const std::string& hotel) {
    return {"hotel.created", hotel, boost::json::parse(R"({"name":"Grand"})"), "00-abc-def-01"};
  }

  testing::EventDatabase events_;
  core::ManualClock clock_;
  Outbox outbox_{events_.db(), "hotel/hotels", clock_};
};

TEST_F(OutboxTest, AppendCommitsWithTheStateChange) {
  const Event event = events_.db().write([&](store::Transaction& tx) {
    testing::EventDatabase::record_effect(tx, Event{.id = "state"});
    return outbox_.append(tx, created("h-1"));
  });
  EXPECT_EQ(event.sequence, 1);
  EXPECT_EQ(event.source, "hotel/hotels");
  EXPECT_EQ(event.time, format_rfc3339(clock_.system_now()));
  EXPECT_EQ(events_.effects(), 1);

  const auto read = outbox_.read_after(0, 10);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].id, event.id);
  EXPECT_EQ(read[0].type, "hotel.created");
  EXPECT_EQ(read[0].subject, "h-1");
  EXPECT_EQ(read[0].traceparent, "00-abc-def-01");
  EXPECT_EQ(read[0].data, boost::json::parse(R"({"name":"Grand"})"));
  EXPECT_EQ(read[0].time, event.time);
  EXPECT_EQ(outbox_.last_seq(), 1);
}

TEST_F(OutboxTest, RollbackLeavesNeitherStateNorEvent) {
  int notified = 0;
  outbox_.add_listener([&] { ++notified; });
  EXPECT_THROW(events_.db().write([&](store::Transaction& tx) {
    testing::EventDatabase::record_effect(tx, Event{.id = "state"});
    outbox_.append(tx, created("h-1"));
    throw std::runtime_error("domain refused");
  }),
               std::runtime_error);
  EXPECT_EQ(events_.effects(), 0);
  EXPECT_TRUE(outbox_.read_after(0, 10).empty());
  EXPECT_EQ(outbox_.last_seq(), 0);
  EXPECT_EQ(notified, 0);
}

TEST_F(OutboxTest, ListenersHearOnlyAfterCommit) {
  int notified = 0;
  outbox_.add_listener([&] { ++notified; });
  events_.db().write([&](store::Transaction& tx) {
    outbox_.append(tx, created("h-1"));
    EXPECT_EQ(notified, 0);
  });
  EXPECT_GE(notified, 1);
}

TEST_F(OutboxTest, ReadsAfterASeqInOrderWithALimit) {
  for (int i = 1; i <= 5; ++i) {
    events_.db().write(
        [&](store::Transaction& tx) { outbox_.append(tx, created("h-" + std::to_string(i))); });
  }
  const auto page = outbox_.read_after(1, 3);
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].sequence, 2);
  EXPECT_EQ(page[2].sequence, 4);
  EXPECT_EQ(page[2].subject, "h-4");
  EXPECT_TRUE(outbox_.read_after(5, 10).empty());
  EXPECT_EQ(outbox_.last_seq(), 5);
}

TEST_F(OutboxTest, ConcurrentAppendsGiveAGaplessSequence) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        events_.db().write([&](store::Transaction& tx) { outbox_.append(tx, created("h")); });
      }
    });
  }
  // Meanwhile a reader only ever sees a prefix 1..K of the sequence.
  std::atomic<bool> gap{false};
  std::thread reader([&] {
    for (int i = 0; i < 50; ++i) {
      const auto seen = outbox_.read_after(0, 1000);
      for (std::size_t j = 0; j < seen.size(); ++j) {
        if (seen[j].sequence != static_cast<std::int64_t>(j) + 1) gap = true;
      }
    }
  });
  for (auto& thread : threads) thread.join();
  reader.join();
  EXPECT_FALSE(gap);
  const auto all = outbox_.read_after(0, 1000);
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(all.back().sequence, kThreads * kPerThread);
}

}  // namespace
}  // namespace hotel::events
