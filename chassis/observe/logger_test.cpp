#include "chassis/observe/logger.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "chassis/http/message.hpp"
#include "chassis/observe/utf8.hpp"

namespace hotel::observe {
namespace {

boost::json::object parse_line(const std::string& line) {
  return boost::json::parse(line).as_object();
}

class LoggerTest : public ::testing::Test {
 protected:
  void TearDown() override { configure_logging(LogOptions{}); }
};

TEST_F(LoggerTest, WritesOwnKeysFirstThenFields) {
  const Logger logger("booking");
  const auto line =
      logger.format(Level::kInfo, "hold placed",
                    {{"nights", 3}, {"price", 12.5}, {"instant", true}, {"room", "std"}}, nullptr);
  const auto json = parse_line(line);
  std::vector<std::string> keys;
  for (const auto& entry : json) keys.emplace_back(entry.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"ts", "level", "service", "msg", "nights", "price",
                                            "instant", "room"}));
  EXPECT_EQ(json.at("level"), "info");
  EXPECT_EQ(json.at("service"), "booking");
  EXPECT_EQ(json.at("msg"), "hold placed");
  EXPECT_EQ(json.at("nights"), 3);
  EXPECT_EQ(json.at("price"), 12.5);
  EXPECT_EQ(json.at("instant"), true);
  EXPECT_EQ(json.at("room"), "std");
}

TEST_F(LoggerTest, TimestampIsUtcWithMilliseconds) {
  const auto json = parse_line(Logger("x").format(Level::kWarn, "m", {}, nullptr));
  const std::string ts(json.at("ts").as_string());
  EXPECT_TRUE(std::regex_match(ts, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"))) << ts;
  EXPECT_EQ(json.at("level"), "warn");
}

TEST_F(LoggerTest, IdsOnlyWhenContextHasThem) {
  const Logger logger("gateway");
  http::RequestContext context;
  context.request_id = "req-1";
  context.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  const auto with = parse_line(logger.format(Level::kInfo, "m", {{"k", 1}}, &context));
  EXPECT_EQ(with.at("request_id"), "req-1");
  EXPECT_EQ(with.at("trace_id"), "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_FALSE(with.contains("span_id"));

  const auto without = parse_line(logger.format(Level::kInfo, "m", {}, nullptr));
  EXPECT_FALSE(without.contains("request_id"));
  EXPECT_FALSE(without.contains("trace_id"));
}

TEST_F(LoggerTest, EscapesControlCharactersQuotesAndInvalidUtf8) {
  const std::string nasty = std::string("a\"b\\c\nd\x01") + "\xff\xc3(" + "caf\xc3\xa9";
  const auto line = Logger("x").format(Level::kInfo, nasty, {{nasty, nasty}}, nullptr);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find(R"(a\"b\\c\nd\u0001)"), std::string::npos) << line;
  const auto json = parse_line(line);  // throws on invalid JSON or UTF-8
  const std::string expected = "a\"b\\c\nd\x01\xEF\xBF\xBD\xEF\xBF\xBD(caf\xc3\xa9";
  EXPECT_EQ(json.at("msg").as_string(), expected);
  EXPECT_EQ(json.at(expected).as_string(), expected);
}

TEST_F(LoggerTest, FieldsNeverHideOwnKeys) {
  const auto json =
      parse_line(Logger("x").format(Level::kInfo, "real", {{"msg", "fake"}}, nullptr));
  EXPECT_EQ(json.at("msg"), "real");
  EXPECT_EQ(json.at("field.msg"), "fake");
}

TEST_F(LoggerTest, NonFiniteNumbersStayValidJson) {
  const auto json = parse_line(
      Logger("x").format(Level::kInfo, "m", {{"nan", std::nan("")}, {"inf", 1.0 / 0.0}}, nullptr));
  EXPECT_EQ(json.at("nan"), "NaN");
  EXPECT_EQ(json.at("inf"), "Infinity");
}

// The line as a Boost.JSON object would serialise it (how lines were written before they were
// written directly), with the timestamp taken from the line under test.
std::string object_way(const std::string& actual, std::string_view service, std::string_view msg,
                       const Fields& fields, const http::RequestContext* context) {
  const auto reserved = [](std::string_view key) {
    return key == "ts" || key == "level" || key == "service" || key == "msg" ||
           key == "request_id" || key == "trace_id" || key == "span_id";
  };
  boost::json::object line;
  line["ts"] = parse_line(actual).at("ts");
  line["level"] = "info";
  line["service"] = valid_utf8(service);
  line["msg"] = valid_utf8(msg);
  if (context != nullptr) {
    if (!context->request_id.empty()) line["request_id"] = valid_utf8(context->request_id);
    if (!context->trace_id.empty()) line["trace_id"] = valid_utf8(context->trace_id);
    if (!context->span_id.empty()) line["span_id"] = valid_utf8(context->span_id);
  }
  for (const auto& field : fields) {
    std::string key = valid_utf8(field.key);
    if (reserved(key)) key.insert(0, "field.");
    boost::json::value value;
    if (const auto* s = std::get_if<std::string>(&field.value)) {
      value = valid_utf8(*s);
    } else if (const auto* d = std::get_if<double>(&field.value)) {
      if (std::isfinite(*d)) {
        value = *d;
      } else {
        value = std::isnan(*d) ? "NaN" : (*d > 0 ? "Infinity" : "-Infinity");
      }
    } else if (const auto* i = std::get_if<std::int64_t>(&field.value)) {
      value = *i;
    } else {
      value = std::get<bool>(field.value);
    }
    line[key] = value;
  }
  return boost::json::serialize(line);
}

// Lines written directly against the object way, on random fields: keys repeated, reserved,
// with control characters, quotes and invalid UTF-8; every kind of value, extreme numbers
// included; with and without correlation ids.
TEST_F(LoggerTest, DirectLinesAreTheObjectWaysLines) {
  std::mt19937 random(7);
  const std::vector<std::string> keys = {"a",        "route", "msg",        "ts",
                                         "field.ts", "k\"q",  "c\x01",      "caf\xc3\xa9",
                                         "bad\xff",  "",      "latency_ms", "sub"};
  const std::vector<std::string> texts = {"",
                                          "plain",
                                          "q\"b\\s/",
                                          std::string("nul\0in", 6),
                                          "\b\t\n\f\r\x1f\x7f",
                                          "\xc3(\xff",
                                          "caf\xc3\xa9 \xe2\x82\xac",
                                          std::string(300, 'x')};
  const std::vector<double> doubles = {
      0.0,          -0.0,      1.5,       0.1, 1e300, -2.5e-300, 12.345678901234567,
      std::nan(""), 1.0 / 0.0, -1.0 / 0.0};
  const std::vector<std::int64_t> integers = {0, -1, 42, std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::int64_t>::min()};
  http::RequestContext context;
  context.request_id = "req-1";
  context.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  for (int round = 0; round < 3000; ++round) {
    Fields fields;
    const int count = static_cast<int>(random() % 8);
    for (int i = 0; i < count; ++i) {
      const std::string& key = keys[random() % keys.size()];
      switch (random() % 4) {
        case 0:
          fields.emplace_back(key, texts[random() % texts.size()]);
          break;
        case 1:
          fields.emplace_back(key, doubles[random() % doubles.size()]);
          break;
        case 2:
          fields.emplace_back(key, integers[random() % integers.size()]);
          break;
        default:
          fields.emplace_back(key, random() % 2 == 0);
      }
    }
    const std::string& msg = texts[random() % texts.size()];
    const http::RequestContext* with = random() % 2 == 0 ? &context : nullptr;
    const Logger logger(round % 5 == 0 ? "caf\xc3\xa9\xff" : "gateway");
    const std::string line = logger.format(Level::kInfo, msg, fields, with);
    ASSERT_EQ(line, object_way(line, logger.service(), msg, fields, with)) << round;
  }
}

TEST_F(LoggerTest, WritesOneLinePerEventToStdout) {
  configure_logging({.level = Level::kDebug, .to_stdout = true});
  ::testing::internal::CaptureStdout();
  Logger("identity").debug("signed in", {{"user", "u1"}});
  const auto out = ::testing::internal::GetCapturedStdout();
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1);
  EXPECT_EQ(parse_line(out).at("user"), "u1");
}

TEST_F(LoggerTest, ParsesLevels) {
  EXPECT_EQ(parse_level("debug"), Level::kDebug);
  EXPECT_EQ(parse_level("error"), Level::kError);
  EXPECT_THROW(parse_level("loud"), std::invalid_argument);
}

class LoggerFileTest : public LoggerTest {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("hotel-logger-test-" + std::to_string(::getpid())) / "nested";
  }
  void TearDown() override {
    LoggerTest::TearDown();
    std::filesystem::remove_all(directory_.parent_path());
  }
  // What the file holds now, without waiting for the flusher.
  std::vector<std::string> lines_of(const std::string& service) const {
    flush_logs();
    return lines_on_disk(service);
  }
  std::vector<std::string> lines_on_disk(const std::string& service) const {
    std::ifstream in(directory_ / (service + ".log"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  std::filesystem::path directory_;
};

TEST_F(LoggerFileTest, WritesOneFilePerServiceAndFiltersLevels) {
  configure_logging({.level = Level::kInfo, .to_stdout = false, .directory = directory_.string()});
  const Logger search("search");
  const Logger hotels("hotels");
  search.debug("hidden");
  search.info("shown", {{"n", 1}});
  hotels.error("broken");
  EXPECT_FALSE(search.enabled(Level::kDebug));
  EXPECT_TRUE(search.enabled(Level::kWarn));

  const auto search_lines = lines_of("search");
  ASSERT_EQ(search_lines.size(), 1u);
  EXPECT_EQ(parse_line(search_lines[0]).at("msg"), "shown");
  const auto hotel_lines = lines_of("hotels");
  ASSERT_EQ(hotel_lines.size(), 1u);
  EXPECT_EQ(parse_line(hotel_lines[0]).at("level"), "error");
}

// Warnings and errors are written at once, with what came before them; info lines in batches,
// within the flusher's period (a quarter of a second) without anyone asking.
TEST_F(LoggerFileTest, WarningsAtOnceInfoLinesWithinAQuarterSecond) {
  configure_logging({.level = Level::kInfo, .to_stdout = false, .directory = directory_.string()});
  const Logger logger("notification");
  logger.info("first");
  logger.warn("second");
  auto lines = lines_on_disk("notification");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(parse_line(lines[1]).at("msg"), "second");
  logger.info("third");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (lines.size() < 3 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    lines = lines_on_disk("notification");
  }
  ASSERT_EQ(lines.size(), 3u) << "the flusher did not write the info line";
  EXPECT_EQ(parse_line(lines[2]).at("msg"), "third");
}

TEST_F(LoggerFileTest, ReconfiguringRedirectsExistingLoggers) {
  const Logger logger("booking");
  configure_logging({.level = Level::kError, .to_stdout = false, .directory = directory_.string()});
  logger.warn("filtered");
  configure_logging({.level = Level::kDebug, .to_stdout = false, .directory = directory_.string()});
  const Logger copy = logger;  // NOLINT(performance-unnecessary-copy-initialization): a copy
  copy.debug("now visible");   // follows the new outputs too
  const auto lines = lines_of("booking");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(parse_line(lines[0]).at("msg"), "now visible");
}

TEST_F(LoggerFileTest, ConcurrentLinesStayWhole) {
  configure_logging({.level = Level::kInfo, .to_stdout = false, .directory = directory_.string()});
  constexpr int kThreads = 4;
  constexpr int kLines = 500;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t] {
      const Logger logger("payment");  // each thread its own logger, one shared file
      for (int i = 0; i < kLines; ++i) logger.info("tick", {{"thread", t}, {"i", i}});
    });
  }
  for (auto& thread : threads) thread.join();
  const auto lines = lines_of("payment");
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(kThreads * kLines));
  for (const auto& line : lines) EXPECT_EQ(parse_line(line).at("msg"), "tick");
}

}  // namespace
}  // namespace hotel::observe
