#include "chassis/service/config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace hotel::service {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;

ConfigSchema test_schema() {
  ConfigSchema schema;
  schema
      .add({.key = "http.port",
            .type = ConfigType::kInt,
            .default_value = std::int64_t{8080},
            .min = 1,
            .max = 65535,
            .description = "Port the service listens on."})
      .add({.key = "log.level",
            .type = ConfigType::kString,
            .default_value = std::string("info"),
            .allowed = {"debug", "info", "warn", "error"}})
      .add({.key = "store.sync-full", .type = ConfigType::kBool, .default_value = true})
      .add({.key = "search.min-rating",
            .type = ConfigType::kDouble,
            .default_value = 0.0,
            .min = 0,
            .max = 5})
      .add({.key = "booking.hold-ttl",
            .type = ConfigType::kDurationMs,
            .default_value = milliseconds(900'000)})
      .add({.key = "gateway.cors-origins",
            .type = ConfigType::kStringList,
            .default_value = std::vector<std::string>{}});
  return schema;
}

class ConfigFile : public ::testing::Test {
 protected:
  void TearDown() override {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  std::string write(const std::string& text) {
    path_ = (std::filesystem::temp_directory_path() /
             ("hotel-config-test-" + std::to_string(::getpid()) + ".json"))
                .string();
    std::ofstream(path_) << text;
    return path_;
  }
  std::string error_of(const std::optional<std::string>& path,
                       const std::map<std::string, std::string>& env = {}) {
    try {
      load_config(test_schema(), path, env);
    } catch (const ConfigError& e) {
      return e.what();
    }
    ADD_FAILURE() << "no ConfigError";
    return "";
  }
  std::string path_;
};

TEST_F(ConfigFile, DefaultsWithoutFileOrEnv) {
  const auto config = load_config(test_schema(), std::nullopt, {});
  EXPECT_EQ(config.get_int("http.port"), 8080);
  EXPECT_EQ(config.get_string("log.level"), "info");
  EXPECT_TRUE(config.get_bool("store.sync-full"));
  EXPECT_EQ(config.get_double("search.min-rating"), 0.0);
  EXPECT_EQ(config.get_ms("booking.hold-ttl"), milliseconds(900'000));
  EXPECT_TRUE(config.get_list("gateway.cors-origins").empty());
}

TEST_F(ConfigFile, NestedObjectsFlattenToDottedKeys) {
  const auto path = write(R"({"http": {"port": 9000}, "log.level": "debug",
      "booking": {"hold-ttl": "15s"}, "gateway": {"cors-origins": ["http://a", "http://b"]},
      "search": {"min-rating": 4}, "store": {"sync-full": false}})");
  const auto config = load_config(test_schema(), path, {});
  EXPECT_EQ(config.get_int("http.port"), 9000);
  EXPECT_EQ(config.get_string("log.level"), "debug");
  EXPECT_EQ(config.get_ms("booking.hold-ttl"), milliseconds(15'000));
  EXPECT_EQ(config.get_list("gateway.cors-origins"),
            (std::vector<std::string>{"http://a", "http://b"}));
  EXPECT_EQ(config.get_double("search.min-rating"), 4.0);
  EXPECT_FALSE(config.get_bool("store.sync-full"));
}

TEST_F(ConfigFile, EnvironmentOverridesFile) {
  const auto path = write(R"({"http": {"port": 9000}, "log": {"level": "debug"}})");
  const auto config = load_config(test_schema(), path,
                                  {{"HOTEL_HTTP_PORT", "9100"},
                                   {"HOTEL_STORE_SYNC_FULL", "off"},
                                   {"HOTEL_BOOKING_HOLD_TTL", "250"},
                                   {"HOTEL_SEARCH_MIN_RATING", "3.5"},
                                   {"HOTEL_GATEWAY_CORS_ORIGINS", "http://a, http://b,"}});
  EXPECT_EQ(config.get_int("http.port"), 9100);
  EXPECT_EQ(config.get_string("log.level"), "debug");  // from the file
  EXPECT_FALSE(config.get_bool("store.sync-full"));
  EXPECT_EQ(config.get_ms("booking.hold-ttl"), milliseconds(250));
  EXPECT_EQ(config.get_double("search.min-rating"), 3.5);
  EXPECT_EQ(config.get_list("gateway.cors-origins"),
            (std::vector<std::string>{"http://a", "http://b"}));
}

TEST_F(ConfigFile, UnknownKeyInFileIsNamed) {
  const auto path = write(R"({"http": {"prot": 9000}})");
  EXPECT_EQ(error_of(path), "unknown config key 'http.prot' in " + path);
}

TEST_F(ConfigFile, WrongTypeAndRangeNameKeyValueAndExpectation) {
  const auto path = write(R"({"http": {"port": 70000}, "log": {"level": "loud"},
                              "store": {"sync-full": "yes"}})");
  EXPECT_EQ(error_of(path),
            "config key 'http.port' in " + path +
                ": expected an integer from 1 to 65535, got 70000\n"
                "config key 'log.level' in " +
                path +
                ": expected a string (one of: debug, info, warn, error), got \"loud\"\n"
                "config key 'store.sync-full' in " +
                path + ": expected true or false, got \"yes\"");
}

TEST_F(ConfigFile, BadEnvironmentValueNamesTheVariable) {
  const auto error =
      error_of(std::nullopt, {{"HOTEL_HTTP_PORT", "80a"}, {"HOTEL_BOOKING_HOLD_TTL", "-5s"}});
  EXPECT_THAT(error, HasSubstr("HOTEL_HTTP_PORT (config key 'http.port'): expected an integer from "
                               "1 to 65535, got '80a'"));
  EXPECT_THAT(error, HasSubstr("HOTEL_BOOKING_HOLD_TTL (config key 'booking.hold-ttl')"));
}

TEST_F(ConfigFile, ListsEveryProblemOnePerLine) {
  const auto path = write(R"({"nope": 1, "http": {"port": "x"}})");
  const auto error = error_of(path, {{"HOTEL_LOG_LEVEL", "verbose"}});
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 2) << error;
}

TEST_F(ConfigFile, UnreadableOrInvalidFile) {
  EXPECT_THAT(error_of("/nonexistent/hotel.json"),
              HasSubstr("cannot read config file '/nonexistent/hotel.json'"));
  EXPECT_THAT(error_of(write("{\"http\": ")), HasSubstr("is not valid JSON"));
  EXPECT_THAT(error_of(write("[1]")), HasSubstr("must hold a JSON object"));
}

TEST_F(ConfigFile, RequiredKeyWithoutDefault) {
  ConfigSchema schema;
  schema.add({.key = "auth.issuer", .type = ConfigType::kString});
  EXPECT_THROW(
      {
        try {
          load_config(schema, std::nullopt, {});
        } catch (const ConfigError& e) {
          EXPECT_STREQ(e.what(),
                       "config key 'auth.issuer' is required: set it in the config file or in "
                       "HOTEL_AUTH_ISSUER");
          throw;
        }
      },
      ConfigError);
  EXPECT_EQ(
      load_config(schema, std::nullopt, {{"HOTEL_AUTH_ISSUER", "x"}}).get_string("auth.issuer"),
      "x");
}

TEST(ConfigSchemaTest, EnvNames) {
  EXPECT_EQ(env_name("http.port"), "HOTEL_HTTP_PORT");
  EXPECT_EQ(env_name("booking.hold-ttl"), "HOTEL_BOOKING_HOLD_TTL");
}

TEST(ConfigSchemaTest, RejectsProgrammingErrors) {
  ConfigSchema schema;
  schema.add({.key = "a.b-c", .type = ConfigType::kInt, .default_value = std::int64_t{1}});
  EXPECT_THROW(schema.add({.key = "a.b_c", .type = ConfigType::kInt}), std::logic_error);
  EXPECT_THROW(schema.add({.key = "Bad..key", .type = ConfigType::kInt}), std::logic_error);
  EXPECT_THROW(schema.add({.key = "x", .type = ConfigType::kInt, .default_value = true}),
               std::logic_error);
  EXPECT_THROW(
      schema.add(
          {.key = "y", .type = ConfigType::kInt, .default_value = std::int64_t{0}, .min = 1}),
      std::logic_error);
}

TEST(ConfigSchemaTest, UnknownKeyOrWrongTypeIsAProgrammingError) {
  const auto config = load_config(test_schema(), std::nullopt, {});
  EXPECT_THROW(config.get_int("http.prot"), std::logic_error);
  EXPECT_THROW(config.get_string("http.port"), std::logic_error);
}

TEST(ConfigSchemaTest, DescribeListsKeysEnvDefaultsAndDescriptions) {
  const auto text = describe(test_schema());
  EXPECT_THAT(text, HasSubstr("http.port (int, default 8080, min 1, max 65535)\n"
                              "    env HOTEL_HTTP_PORT\n"
                              "    Port the service listens on.\n"));
  EXPECT_THAT(text, HasSubstr("booking.hold-ttl (duration, default 900000ms)\n"));
  EXPECT_THAT(text, HasSubstr("log.level (string, default info, one of debug|info|warn|error)"));
}

}  // namespace
}  // namespace hotel::service
