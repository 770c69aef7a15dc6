// The search commands of the `hotel` binary, working offline on <data_dir>/search/search.db:
//   hotel search rebuild            clears the read model and moves the hotels cursor to 0, so
//                                   the service rebuilds it from the hotels feed when it starts
//   hotel search load --file F [--batch N]
//                                   applies hotel snapshots (one JSON object per line, the data
//                                   of hotel.created) through the same indexer as the
//                                   subscription, N per transaction; for benchmarks
// Each takes --data-dir D and --config C like `hotel serve`.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

namespace CLI {
class App;
}
namespace hotel::service {
class ServiceList;
}

namespace hotel::search::cli {

// The read model's database file under a data directory.
std::string database_path(const std::string& data_dir);

// The commands' work; both return the exit code and report on `out`.
int rebuild(const std::string& data_dir, std::ostream& out);
int load(const std::string& data_dir, const std::string& file, std::int64_t batch,
         std::ostream& out);

class Commands {
 public:
  // Adds the `search` subcommands to `app`. Both outlive this object.
  Commands(CLI::App& app, const service::ServiceList& services);
  ~Commands();
  Commands(const Commands&) = delete;
  Commands& operator=(const Commands&) = delete;

  // Whether one of these commands ran (during parsing), and its exit code: 0, 1 when the
  // command failed, 2 for a configuration error.
  bool ran() const;
  int exit_code() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hotel::search::cli
