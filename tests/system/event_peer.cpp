// A producer and a consumer of test events, as separate processes, for the system tests of the
// event chassis (outbox, feed, subscription, dead letters). Not part of the product.
//
//   event_peer produce --port P --data-dir D
//     POST /produce?count=N&batch=B&poison=0|1  appends N events, B per transaction
//   event_peer consume --port P --data-dir D --producer 127.0.0.1:P --max-attempts 3
//     GET /state   {"applied":…,"cursor":…,"parked":…}
//     POST /cure   from now on poisoned events apply (so that a replay succeeds)
//     the event admin routes (dead letters, replay, cursor reset)
#include <CLI/CLI.hpp>
#include <atomic>
#include <boost/json.hpp>
#include <csignal>
#include <filesystem>
#include <future>
#include <iostream>

#include "chassis/core/runtime.hpp"
#include "chassis/discovery/endpoint.hpp"
#include "chassis/events/admin.hpp"
#include "chassis/events/consumer_store.hpp"
#include "chassis/events/feed.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/events/subscription.hpp"
#include "chassis/http/client.hpp"
#include "chassis/http/json.hpp"
#include "chassis/http/server.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/migrations.hpp"

namespace {

using namespace hotel;
using http::Request;
using http::Response;
using http::Task;

constexpr store::Migration kProducerMigrations[] = {
    events::outbox_migration(1),
    {2, "counter",
     "CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER);"
     "INSERT INTO counter VALUES (1, 0)"},
};

constexpr store::Migration kConsumerMigrations[] = {
    events::consumer_migration(1),
    {2, "applied",
     "CREATE TABLE applied (row INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL,"
     " event_id TEXT NOT NULL, n INTEGER NOT NULL)"},
};

std::unique_ptr<store::Database> open_database(const std::string& dir, const std::string& name) {
  std::filesystem::create_directories(dir);
  store::DatabaseOptions options;
  options.path = dir + "/" + name + ".db";
  options.synchronous = store::Synchronous::kFull;
  return std::make_unique<store::Database>(options);
}

void serve_until_signal(core::Runtime& runtime, http::Server& server) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // before the runtime's threads exist
  server.start();
  runtime.start();
  int signal = 0;
  sigwait(&set, &signal);
  server.drain(std::chrono::milliseconds(2000));
  runtime.stop();
}

int produce(std::uint16_t port, const std::string& dir) {
  core::Runtime runtime(2, 2);
  observe::Logger logger("producer");
  observe::Registry metrics;
  auto db_owner = open_database(dir, "producer");
  auto& db = *db_owner;
  store::apply_migrations(db, kProducerMigrations);
  events::Outbox outbox(db, "test/producer");
  http::Router router;
  auto notifier = events::add_event_feed_routes(router, outbox, runtime);
  router.post("/produce", [&](Request& request) -> Task<Response> {
    const auto count = http::query_int(request, "count", 1, 1, 1'000'000);
    const auto batch = http::query_int(request, "batch", 100, 1, 10'000);
    const bool poison = http::query_int(request, "poison", 0, 0, 1) == 1;
    std::int64_t last = 0;
    for (std::int64_t done = 0; done < count; done += batch) {
      const auto in_this = std::min(batch, count - done);
      last = co_await db.write_async(runtime, [&](store::Transaction& tx) {
        std::int64_t n = 0;
        for (std::int64_t i = 0; i < in_this; ++i) {
          tx.db().exec("UPDATE counter SET n = n + 1 WHERE id = 1");
          n = tx.db().execAndGet("SELECT n FROM counter WHERE id = 1").getInt64();
          outbox.append(tx, {"test.counted", std::to_string(n),
                             boost::json::object{{"n", n}, {"poison", poison}},
                             request.context.traceparent()});
        }
        return n;
      });
    }
    co_return http::json_response(200, boost::json::object{{"last_n", last}});
  });
  http::ServerOptions options;
  options.service = "producer";
  options.port = port;
  options.access_log = false;
  http::Server server(runtime, options, std::move(router), {}, logger, metrics);
  serve_until_signal(runtime, server);
  return 0;
}

int consume(std::uint16_t port, const std::string& dir, const std::string& producer,
            int max_attempts) {
  core::Runtime runtime(2, 2);
  observe::Logger logger("consumer");
  observe::Registry metrics;
  auto db_owner = open_database(dir, "consumer");
  auto& db = *db_owner;
  store::apply_migrations(db, kConsumerMigrations);
  events::ConsumerStore consumer(db);
  http::HttpClient client(runtime);
  std::atomic<bool> cured{false};

  events::SubscriptionOptions options;
  options.name = "peer.counted";
  options.producer = "producer";
  options.endpoint = discovery::parse_endpoint(producer);
  options.retry = {max_attempts, std::chrono::milliseconds(20), std::chrono::milliseconds(100)};
  options.reconnect = {0, std::chrono::milliseconds(50), std::chrono::milliseconds(500)};
  options.wait = std::chrono::seconds(5);
  options.handler = [&cured](store::Transaction& tx, const events::Event& event) {
    const auto& data = event.data.as_object();
    if (data.at("poison").as_bool() && !cured) throw std::runtime_error("poisoned event");
    SQLite::Statement insert(tx.db(), "INSERT INTO applied (seq, event_id, n) VALUES (?, ?, ?)");
    insert.bind(1, static_cast<std::int64_t>(event.sequence));
    insert.bind(2, event.id);
    insert.bind(3, static_cast<std::int64_t>(data.at("n").as_int64()));
    insert.exec();
  };
  events::Subscription subscription(runtime, client, consumer, options, &metrics, &logger);

  http::Router router;
  router.get("/state", [&](Request&) -> Task<Response> {
    auto state = co_await db.read_async(runtime, [&](SQLite::Database& conn) {
      return boost::json::object{
          {"applied", conn.execAndGet("SELECT COUNT(*) FROM applied").getInt64()},
          {"cursor", consumer.cursor("peer.counted")},
          {"parked", consumer.pending_dead_letters()}};
    });
    co_return http::json_response(200, state);
  });
  router.post("/cure", [&](Request&) -> Task<Response> {
    cured = true;
    co_return Response::empty(204);
  });
  events::add_event_admin_routes(router, consumer, runtime, {&subscription});
  http::ServerOptions server_options;
  server_options.service = "consumer";
  server_options.port = port;
  server_options.access_log = false;
  http::Server server(runtime, server_options, std::move(router), {}, logger, metrics);
  subscription.start();
  serve_until_signal(runtime, server);
  subscription.stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"event_peer: producer and consumer of test events"};
  app.require_subcommand(1);
  std::uint16_t port = 0;
  std::string dir;
  std::string producer;
  int max_attempts = 3;
  auto* produce_cmd = app.add_subcommand("produce", "Serve a feed of counted events");
  auto* consume_cmd = app.add_subcommand("consume", "Apply a producer's events exactly once");
  for (auto* cmd : {produce_cmd, consume_cmd}) {
    cmd->add_option("--port", port)->required();
    cmd->add_option("--data-dir", dir)->required();
  }
  consume_cmd->add_option("--producer", producer)->required();
  consume_cmd->add_option("--max-attempts", max_attempts);
  CLI11_PARSE(app, argc, argv);
  hotel::observe::configure_logging({hotel::observe::Level::kInfo, true, {}});
  if (produce_cmd->parsed()) return produce(port, dir);
  return consume(port, dir, producer, max_attempts);
}
