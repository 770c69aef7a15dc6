// The host's own configuration keys (data_dir, log.*, http.*, lifecycle.*, auth.*, services.*),
// with the keys each listed service contributes.
#include <string>

#include "chassis/service/config.hpp"
#include "chassis/service/host.hpp"

namespace hotel::service {

using namespace std::chrono_literals;

ConfigSchema host_schema(const ServiceList& services) {
  ConfigSchema schema;
  schema.add({"data_dir",
              ConfigType::kString,
              std::string("data"),
              {},
              {},
              {},
              "Directory for every service's database, files, logs and secrets"});
  schema.add({"log.level",
              ConfigType::kString,
              std::string("info"),
              {},
              {},
              {"debug", "info", "warn", "error"},
              "Lowest level written"});
  schema.add({"log.stdout", ConfigType::kBool, true, {}, {}, {}, "Write log lines to stdout"});
  schema.add({"log.files",
              ConfigType::kBool,
              true,
              {},
              {},
              {},
              "Also write <data_dir>/logs/<service>.log"});
  schema.add({"http.address",
              ConfigType::kString,
              std::string("127.0.0.1"),
              {},
              {},
              {},
              "Address every service listens on"});
  schema.add({"http.io_threads",
              ConfigType::kInt,
              std::int64_t{2},
              1,
              64,
              {},
              "Threads running the I/O event loop"});
  schema.add({"http.workers",
              ConfigType::kInt,
              std::int64_t{4},
              1,
              256,
              {},
              "Threads for blocking work (SQLite, hashing)"});
  schema.add({"http.header_limit",
              ConfigType::kInt,
              std::int64_t{16} * 1024,
              1024,
              1024 * 1024,
              {},
              "Largest request header in bytes"});
  schema.add({"http.max_connections",
              ConfigType::kInt,
              std::int64_t{10'000},
              1,
              1'000'000,
              {},
              "Open connections per service before new ones are refused"});
  schema.add({"http.header_timeout",
              ConfigType::kDurationMs,
              10'000ms,
              100,
              600'000,
              {},
              "Time to read a request header"});
  schema.add({"http.body_timeout",
              ConfigType::kDurationMs,
              30'000ms,
              100,
              600'000,
              {},
              "Time to read a request body"});
  schema.add({"http.idle_timeout",
              ConfigType::kDurationMs,
              60'000ms,
              100,
              3'600'000,
              {},
              "Keep-alive connection idle time before it is closed"});
  schema.add({"http.access_log", ConfigType::kBool, true, {}, {}, {}, "One log line per request"});
  schema.add({"lifecycle.drain_timeout",
              ConfigType::kDurationMs,
              10'000ms,
              0,
              600'000,
              {},
              "Bound on waiting for in-flight requests at shutdown"});
  schema.add({"auth.issuer",
              ConfigType::kString,
              std::string("http://localhost:8080"),
              {},
              {},
              {},
              "Issuer (iss) of the embedded identity service's tokens"});
  schema.add({"auth.audiences",
              ConfigType::kStringList,
              std::vector<std::string>{},
              {},
              {},
              {},
              "Client ids whose tokens services accept (empty: any client of the issuer)"});
  schema.add({"auth.token_use",
              ConfigType::kStringList,
              std::vector<std::string>{"access"},
              {},
              {},
              {"access", "id"},
              "Token kinds accepted as API credentials"});
  schema.add({"auth.external_issuer",
              ConfigType::kString,
              std::string(),
              {},
              {},
              {},
              "Also trust this issuer (e.g. a Cognito user pool's URL); empty: none"});
  schema.add({"auth.external_jwks_url",
              ConfigType::kString,
              std::string(),
              {},
              {},
              {},
              "JWKS URL of the external issuer (https, fetched with libcurl)"});
  schema.add({"auth.external_audiences",
              ConfigType::kStringList,
              std::vector<std::string>{},
              {},
              {},
              {},
              "Client ids of the external issuer whose tokens are accepted"});
  for (const auto& entry : services.entries()) {
    const std::string prefix = "services." + entry.name;
    schema.add({prefix + ".port",
                ConfigType::kInt,
                std::int64_t{entry.default_port},
                0,
                65535,
                {},
                "Port of the " + entry.name + " service (0: any free port)"});
    schema.add({prefix + ".endpoints",
                ConfigType::kStringList,
                std::vector<std::string>{},
                {},
                {},
                {},
                "host:port list where other processes reach " + entry.name +
                    " (empty: this process, else 127.0.0.1:<port>)"});
    if (entry.config) entry.config(schema);
  }
  return schema;
}

}  // namespace hotel::service
