#include "services/search/cli.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <boost/json/parse.hpp>

#include "chassis/events/consumer_store.hpp"
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

}  // namespace hotel::search::cli
