#include "chassis/events/consumer_store.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include <boost/json/parse.hpp>

#include "chassis/events/testing/event_database.hpp"

namespace hotel::events {
namespace {

constexpr const char* kSub = "search<-hotels";

Event event_at(std::int64_t seq) {
  Event event;
  event.id = "event-" + std::to_string(seq);
  event.source = "hotel/hotels";
  event.type = "hotel.updated";
  event.subject = "h-1";
  event.time = "2024-05-01T00:00:00.000Z";
  event.sequence = seq;
  event.data = boost::json::parse(R"({"stars":4})");
  return event;
}

void refuse(store::Transaction&, const Event&) { throw std::runtime_error("poisoned"); }

class ConsumerStoreTest : public ::testing::Test {
 protected:
  ApplyResult apply(std::int64_t seq) {
    return consumer_.apply_in_tx(kSub, event_at(seq), testing::EventDatabase::record_effect);
  }

  testing::EventDatabase events_;
  ConsumerStore consumer_{events_.db()};
};

TEST_F(ConsumerStoreTest, AppliesAndAdvancesTheCursorTogether) {
  EXPECT_EQ(consumer_.cursor(kSub), 0);
  EXPECT_EQ(apply(1), ApplyResult::kApplied);
  EXPECT_EQ(apply(2), ApplyResult::kApplied);
  EXPECT_EQ(consumer_.cursor(kSub), 2);
  EXPECT_EQ(events_.effects(), 2);
  EXPECT_EQ(consumer_.cursor("other"), 0);
}

TEST_F(ConsumerStoreTest, DoesNotApplyAnEventTwice) {
  apply(1);
  apply(2);
  EXPECT_EQ(apply(2), ApplyResult::kAlreadyApplied);
  EXPECT_EQ(apply(1), ApplyResult::kAlreadyApplied);
  EXPECT_EQ(events_.effects(), 2);
  EXPECT_EQ(consumer_.cursor(kSub), 2);
}

TEST_F(ConsumerStoreTest, AFailingHandlerLeavesTheCursorAndNoEffect) {
  apply(1);
  EXPECT_THROW(consumer_.apply_in_tx(kSub, event_at(2),
                                     [](store::Transaction& tx, const Event& event) {
                                       testing::EventDatabase::record_effect(tx, event);
                                       throw std::runtime_error("half done");
                                     }),
               std::runtime_error);
  EXPECT_EQ(consumer_.cursor(kSub), 1);
  EXPECT_EQ(events_.effects(), 1);
}

TEST_F(ConsumerStoreTest, ParkRecordsTheDeadLetterAndMovesOn) {
  apply(1);
  const auto id = consumer_.park(kSub, event_at(2), "poisoned", 5);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(consumer_.cursor(kSub), 2);
  EXPECT_EQ(apply(3), ApplyResult::kApplied);

  const auto letters = consumer_.list_dead_letters(std::string(kSub));
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].id, *id);
  EXPECT_EQ(letters[0].seq, 2);
  EXPECT_EQ(letters[0].event_id, "event-2");
  EXPECT_EQ(letters[0].type, "hotel.updated");
  EXPECT_EQ(letters[0].error, "poisoned");
  EXPECT_EQ(letters[0].attempts, 5);
  EXPECT_TRUE(is_rfc3339(letters[0].parked_at));
  EXPECT_FALSE(letters[0].replayed_at.has_value());
  EXPECT_EQ(from_json(boost::json::parse(letters[0].payload)).data, event_at(2).data);
  EXPECT_EQ(consumer_.pending_dead_letters(), 1);
  EXPECT_TRUE(consumer_.list_dead_letters(std::string("other")).empty());
  EXPECT_EQ(consumer_.list_dead_letters().size(), 1u);
  EXPECT_EQ(consumer_.find_dead_letter(*id)->event_id, "event-2");
  EXPECT_FALSE(consumer_.find_dead_letter(*id + 1).has_value());
}

TEST_F(ConsumerStoreTest, ParkRefusesAnEventAlreadyPassed) {
  apply(1);
  EXPECT_FALSE(consumer_.park(kSub, event_at(1), "late", 1).has_value());
  EXPECT_TRUE(consumer_.list_dead_letters().empty());
}

TEST_F(ConsumerStoreTest, ReplayAppliesOnce) {
  const auto id = consumer_.park(kSub, event_at(1), "poisoned", 3);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(consumer_.replay(*id, testing::EventDatabase::record_effect), ReplayResult::kReplayed);
  EXPECT_EQ(consumer_.replay(*id, testing::EventDatabase::record_effect),
            ReplayResult::kAlreadyReplayed);
  EXPECT_EQ(events_.effects_of("event-1"), 1);
  EXPECT_TRUE(consumer_.list_dead_letters()[0].replayed_at.has_value());
  EXPECT_EQ(consumer_.pending_dead_letters(std::string(kSub)), 0);
  EXPECT_EQ(consumer_.replay(*id + 100, testing::EventDatabase::record_effect),
            ReplayResult::kNotFound);
}

TEST_F(ConsumerStoreTest, AFailedReplayAppliesNothingAndRecordsTheError) {
  const auto id = consumer_.park(kSub, event_at(1), "poisoned", 3);
  EXPECT_THROW(consumer_.replay(*id, refuse), std::runtime_error);
  const auto letter = consumer_.list_dead_letters()[0];
  EXPECT_EQ(letter.attempts, 4);
  EXPECT_EQ(letter.error, "replay: poisoned");
  EXPECT_FALSE(letter.replayed_at.has_value());
  EXPECT_EQ(consumer_.replay(*id, testing::EventDatabase::record_effect), ReplayResult::kReplayed);
}

TEST_F(ConsumerStoreTest, ResetCursorAllowsARebuild) {
  apply(1);
  apply(2);
  consumer_.reset_cursor(kSub);
  EXPECT_EQ(consumer_.cursor(kSub), 0);
  EXPECT_EQ(apply(1), ApplyResult::kApplied);
  consumer_.reset_cursor(kSub, 7);
  EXPECT_EQ(apply(7), ApplyResult::kAlreadyApplied);
}

TEST_F(ConsumerStoreTest, ApplyOnceDeduplicatesByEventId) {
  EXPECT_EQ(consumer_.apply_once(event_at(1), testing::EventDatabase::record_effect),
            ApplyResult::kApplied);
  EXPECT_EQ(consumer_.apply_once(event_at(1), testing::EventDatabase::record_effect),
            ApplyResult::kAlreadyApplied);
  EXPECT_THROW(consumer_.apply_once(event_at(2), refuse), std::runtime_error);
  EXPECT_EQ(consumer_.apply_once(event_at(2), testing::EventDatabase::record_effect),
            ApplyResult::kApplied);
  EXPECT_EQ(events_.effects(), 2);
}

}  // namespace
}  // namespace hotel::events
