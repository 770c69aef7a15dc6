#include "chassis/observe/health.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>

namespace hotel::observe {
namespace {

TEST(Health, LiveAlways) {
  Health health;
  EXPECT_TRUE(health.live());
  EXPECT_EQ(health.live_answer().status, 200);
  EXPECT_EQ(health.live_answer().body, R"({"status":"live"})");
}

TEST(Health, NotReadyWhileStarting) {
  Health health;
  health.add_check("db", [] { return true; });
  EXPECT_FALSE(health.ready().ok);
  const auto answer = health.ready_answer();
  EXPECT_EQ(answer.status, 503);
  EXPECT_EQ(answer.body, R"({"status":"starting"})");
}

TEST(Health, ReadyWhenEveryCheckPasses) {
  Health health;
  health.add_check("db", [] { return true; });
  health.add_check("feed", [] { return true; });
  health.set_ready();
  const auto report = health.ready();
  EXPECT_TRUE(report.ok);
  ASSERT_EQ(report.checks.size(), 2u);
  EXPECT_EQ(report.checks[0].name, "db");
  const auto answer = health.ready_answer();
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, R"({"status":"ready","checks":{"db":"ok","feed":"ok"}})");
  EXPECT_EQ(health.ready_json(), answer.body);
}

TEST(Health, NamesFailingAndThrowingChecks) {
  Health health;
  bool db_up = false;
  health.add_check("db", [&] { return db_up; });
  health.add_check("feed", []() -> bool { throw std::runtime_error("connection refused"); });
  health.add_check("disk", [] { return true; });
  health.set_ready();
  const auto answer = health.ready_answer();
  EXPECT_EQ(answer.status, 503);
  EXPECT_EQ(answer.body, R"({"status":"unready","failing":["db","feed"],)"
                         R"("checks":{"db":"fail","feed":"connection refused","disk":"ok"}})");
  db_up = true;
  health.add_check("feed", [] { return true; });  // replaces the throwing check
  EXPECT_EQ(health.ready_answer().status, 200);
}

TEST(Health, DrainingIsFinal) {
  Health health;
  health.set_ready();
  health.set_draining();
  health.set_ready();
  EXPECT_EQ(health.state(), HealthState::kDraining);
  EXPECT_TRUE(health.live());
  const auto answer = health.ready_answer();
  EXPECT_EQ(answer.status, 503);
  EXPECT_EQ(answer.body, R"({"status":"draining"})");
}

}  // namespace
}  // namespace hotel::observe
