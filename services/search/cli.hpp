// `hotel search ...`: offline maintenance of the search read model in <data_dir>/search/.
//   rebuild  clears the read model and moves the hotels cursor to 0, so the service rebuilds
//            it from the hotels feed when it starts
//   load     applies hotel snapshots (one JSON object per line, the data of hotel.created) through
//            the same apply code as the subscription, in large transactions; for benchmarks
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace hotel::search::cli {

// The read model's database file under a data directory.
std::string database_path(const std::string& data_dir);

// Both return the process exit code and report on `out`.
int rebuild(const std::string& data_dir, std::ostream& out);
int load(const std::string& data_dir, const std::string& file, std::int64_t batch,
         std::ostream& out);

}  // namespace hotel::search::cli
