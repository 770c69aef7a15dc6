#include "services/search/cli.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <CLI/CLI.hpp>
#include <boost/json/parse.hpp>

#include <functional>
#include <iostream>

#include "chassis/events/consumer_store.hpp"
#include "chassis/service/config.hpp"
#include "chassis/service/environment.hpp"
#include "chassis/service/host.hpp"
#include "chassis/store/database.hpp"
#include "services/search/indexer.hpp"
#include "services/search/storage/migrations.hpp"
#include "services/search/storage/read_model.hpp"

namespace hotel::search::cli {
namespace {

std::unique_ptr<store::Database> open(const std::string& data_dir) {
  std::filesystem::create_directories(std::filesystem::path(data_dir) / "search");
  auto db = std::make_unique<store::Database>(
      store::DatabaseOptions{.path = database_path(data_dir), .readers = 1});
  store::apply_migrations(*db, storage::migrations());
  return db;
}

std::int64_t hotels(const store::Database& db) {
  return db.read([](SQLite::Database& conn) { return storage::count_hotels(conn); });
}

}  // namespace

std::string database_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "search" / "search.db").string();
}

int rebuild(const std::string& data_dir, std::ostream& out) {
  auto db = open(data_dir);
  db->write([](store::Transaction& tx) { storage::clear_read_model(tx); });
  events::ConsumerStore(*db).reset_cursor(kHotelsSubscription, 0);
  out << "search read model cleared and cursor '" << kHotelsSubscription
      << "' reset to 0; the search service rebuilds it from the hotels feed when it runs\n";
  return 0;
}

int load(const std::string& data_dir, const std::string& file, std::int64_t batch,
         std::ostream& out) {
  std::ifstream in(file);
  if (!in) {
    out << "cannot read " << file << "\n";
    return 1;
  }
  auto db = open(data_dir);
  Indexer indexer(nullptr);
  const auto started = std::chrono::steady_clock::now();
  std::int64_t line_number = 0;
  std::string line;
  bool more = true;
  try {
    while (more) {
      db->write([&](store::Transaction& tx) {
        for (std::int64_t n = 0; n < batch; ++n) {
          if (!std::getline(in, line)) {
            more = false;
            return;
          }
          ++line_number;
          if (line.empty()) continue;
          events::Event event;
          event.id = "load-" + std::to_string(line_number);
          event.type = "hotel.created";
          event.sequence = line_number;
          event.data = boost::json::parse(line);
          indexer.apply(tx, event);
        }
      });
    }
  } catch (const std::exception& error) {
    out << file << ":" << line_number << ": " << error.what() << " (its batch was not loaded)\n";
    return 1;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  out << "loaded " << line_number << " snapshots in " << took.count() << " s; " << hotels(*db)
      << " hotels in the read model\n";
  return 0;
}

struct Commands::State {
  const service::ServiceList& services;
  std::string data_dir;
  std::string config_file;
  std::string file;
  std::int64_t batch = 10'000;
  bool ran = false;
  int exit_code = 0;

  // Runs `command` on the configured data directory, turning failures into exit codes.
  void run(const std::function<int(const std::string&)>& command) {
    ran = true;
    try {
      auto env = service::hotel_environment();
      if (!data_dir.empty()) env["HOTEL_DATA_DIR"] = data_dir;
      std::optional<std::string> config;
      if (!config_file.empty()) config = config_file;
      const auto loaded = service::load_config(service::host_schema(services), config, env);
      exit_code = command(loaded.get_string("data_dir"));
    } catch (const service::ConfigError& error) {
      std::cerr << "hotel: configuration error:\n" << error.what() << "\n";
      exit_code = 2;
    } catch (const std::exception& error) {
      std::cerr << "hotel: " << error.what() << "\n";
      exit_code = 1;
    }
  }
};

Commands::Commands(CLI::App& app, const service::ServiceList& services)
    : state_(std::make_unique<State>(State{.services = services})) {
  State& s = *state_;
  auto* search = app.add_subcommand("search", "Maintain the search read model (offline)");
  search->require_subcommand(1);
  search->fallthrough();  // so that --data-dir may follow the leaf command
  search->add_option("--data-dir", s.data_dir, "Data directory (overrides data_dir)");
  search->add_option("-c,--config", s.config_file, "JSON configuration file")
      ->check(CLI::ExistingFile);
  search
      ->add_subcommand("rebuild",
                       "Clear the read model and reset its cursor; the service then replays the "
                       "hotels feed")
      ->callback([&s] { s.run([](const std::string& dir) { return rebuild(dir, std::cout); }); });
  auto* load_cmd = search->add_subcommand(
      "load", "Apply hotel snapshots (JSON lines) through the indexer, for benchmarks");
  load_cmd->add_option("-f,--file", s.file, "One hotel snapshot per line")
      ->required()
      ->check(CLI::ExistingFile);
  load_cmd->add_option("--batch", s.batch, "Snapshots per transaction")
      ->check(CLI::Range(1, 1'000'000));
  load_cmd->callback([&s] {
    s.run([&s](const std::string& dir) { return load(dir, s.file, s.batch, std::cout); });
  });
}

Commands::~Commands() = default;

bool Commands::ran() const { return state_->ran; }

int Commands::exit_code() const { return state_->exit_code; }

}  // namespace hotel::search::cli
