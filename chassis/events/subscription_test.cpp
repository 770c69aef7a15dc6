#include "chassis/events/subscription.hpp"

#include <gtest/gtest.h>

#include "chassis/discovery/in_process_resolver.hpp"
#include "chassis/events/testing/consumer_harness.hpp"

namespace hotel::events {
namespace {

using testing::kSubscription;
using Seqs = std::vector<std::int64_t>;

class SubscriptionTest : public ::testing::Test {
 protected:
  testing::ConsumerHarness harness_;
  testing::FeedServer& producer_ = harness_.producer();
};

TEST_F(SubscriptionTest, DeliversInOrderExactlyOnceAcrossRestarts) {
  for (const auto* hotel : {"h-1", "h-2", "h-3"}) producer_.append("hotel.created", hotel);
  {
    auto subscription = harness_.subscribe(harness_.options());
    subscription->start();
    harness_.wait_for_cursor(3);
    producer_.append("hotel.updated", "h-1");
    producer_.append("hotel.updated", "h-2");
    harness_.wait_for_cursor(5);
    EXPECT_TRUE(subscription->stop());
    EXPECT_EQ(subscription->stats().applied, 5);
  }
  producer_.append("hotel.deleted", "h-3");
  auto again = harness_.subscribe(harness_.options());
  again->start();
  harness_.wait_for_cursor(6);
  EXPECT_EQ(harness_.applied(), (Seqs{1, 2, 3, 4, 5, 6}));
  // The count goes up once the store has committed the cursor: read it after the stop, as above.
  EXPECT_TRUE(again->stop());
  EXPECT_EQ(again->stats().applied, 1);
}

TEST_F(SubscriptionTest, ALongPollIsWokenByTheAppend) {
  auto subscription = harness_.subscribe(harness_.options());
  subscription->start();
  testing::ConsumerHarness::eventually([&] { return producer_.notifier().waiting() == 1; });
  producer_.append("hotel.created", "h-1");
  harness_.wait_for_cursor(1);
  EXPECT_EQ(harness_.applied(), (Seqs{1}));
  EXPECT_EQ(subscription->stats().transport_failures, 0);
}

TEST_F(SubscriptionTest, APoisonedEventIsParkedAndLaterEventsStillApply) {
  producer_.append("hotel.created", "h-1");
  producer_.append("hotel.created", "poison");
  producer_.append("hotel.created", "h-3");
  auto subscription = harness_.subscribe(harness_.options());
  subscription->start();
  harness_.wait_for_cursor(3);
  EXPECT_EQ(harness_.applied(), (Seqs{1, 3}));

  const auto letters = harness_.store().list_dead_letters(std::string(kSubscription));
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].seq, 2);
  EXPECT_EQ(letters[0].attempts, 3);
  EXPECT_EQ(letters[0].error, "poisoned");
  const auto stats = subscription->stats();
  EXPECT_EQ(stats.handler_failures, 3);
  EXPECT_EQ(stats.parked, 1);
  auto& dead =
      harness_.metrics().gauge("event_dead_letters", "", {{"subscription", kSubscription}});
  EXPECT_EQ(dead.value(), 1.0);

  harness_.set_poison(false);
  EXPECT_EQ(subscription->replay(letters[0].id), ReplayResult::kReplayed);
  EXPECT_EQ(subscription->replay(letters[0].id), ReplayResult::kAlreadyReplayed);
  EXPECT_EQ(harness_.applied(), (Seqs{1, 3, 2}));
  EXPECT_EQ(dead.value(), 0.0);
}

TEST_F(SubscriptionTest, KeepsTryingWhileTheProducerIsUnreachable) {
  discovery::InProcessResolver resolver;
  auto options = harness_.options();
  options.resolver = &resolver;
  auto subscription = harness_.subscribe(options);
  subscription->start();
  testing::ConsumerHarness::eventually(
      [&] { return subscription->stats().transport_failures >= 2; });
  resolver.register_endpoint("producer", producer_.endpoint());
  producer_.append("hotel.created", "h-1");
  harness_.wait_for_cursor(1);
  EXPECT_EQ(harness_.applied(), (Seqs{1}));
}

TEST_F(SubscriptionTest, StopAbandonsThePendingLongPoll) {
  auto subscription = harness_.subscribe(harness_.options());
  subscription->start();
  testing::ConsumerHarness::eventually([&] { return producer_.notifier().waiting() == 1; });
  // The poll asked the producer to wait 20 s; stop ends the loop well within its 5 s bound.
  EXPECT_TRUE(subscription->stop(std::chrono::seconds(5)));
}

TEST_F(SubscriptionTest, ResetCursorRebuildsFromTheStart) {
  producer_.append("hotel.created", "h-1");
  producer_.append("hotel.created", "h-2");
  auto subscription = harness_.subscribe(harness_.options());
  subscription->start();
  harness_.wait_for_cursor(2);
  subscription->reset_cursor(0);
  testing::ConsumerHarness::eventually([&] { return harness_.applied().size() == 4; });
  EXPECT_EQ(harness_.applied(), (Seqs{1, 2, 1, 2}));
  EXPECT_EQ(harness_.store().cursor(kSubscription), 2);
}

}  // namespace
}  // namespace hotel::events
