// What the server records of each request it answers: per-route metrics
// (http_server_requests_total{service,route,method,status},
// http_server_request_duration_seconds{service,route}) and the access-log line. Internal to the
// server.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "chassis/http/message.hpp"

namespace hotel::observe {
class Counter;
class Histogram;
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::http {

class RequestRecorder {
 public:
  // The logger and registry outlive the recorder.
  RequestRecorder(std::string service, bool access_log, const observe::Logger& logger,
                  observe::Registry& metrics);

  // Thread-safe.
  // Whether record() writes an access-log line (the log is on and info lines are kept).
  bool writes_access_log() const;
  void record(const Request& request, const Response& response,
              std::chrono::steady_clock::time_point started, std::size_t bytes);

 private:
  // Series per (route, method, status), looked up once and then read under a shared lock
  // (without copying the route): building label maps on every request would cost more than the
  // request itself.
  using SeriesKey = std::tuple<std::string, Method, int>;
  using SeriesView = std::tuple<std::string_view, Method, int>;
  struct SeriesLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return SeriesView(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
             SeriesView(std::get<0>(b), std::get<1>(b), std::get<2>(b));
    }
  };

  // Both series a request adds to: from the calling thread's own table, else from the
  // recorder's (one look under its shared lock), else made.
  struct Series {
    observe::Counter* requests;
    observe::Histogram* latency;
  };
  Series series(std::string_view route, Method method, int status);
  Series shared_series(std::string_view route, Method method, int status);

  const std::string service_;
  const bool access_log_;
  const observe::Logger& logger_;
  observe::Registry& metrics_;
  std::shared_mutex mutex_;
  std::map<SeriesKey, Series, SeriesLess> series_;
  const std::uint64_t id_;  // never reused: names this recorder in the threads' tables
};

}  // namespace hotel::http
