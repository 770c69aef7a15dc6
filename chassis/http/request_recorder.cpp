#include "chassis/http/request_recorder.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "chassis/auth/principal.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http {
namespace {

constexpr std::string_view kUnmatched = "unmatched";

std::atomic<std::uint64_t> next_recorder_id{1};

// A thread's own table of the series it has used, by recorder (an id never reused, so that a
// recorder gone and another made at its address cannot be confused), route, method and status:
// found again without the recorder's shared lock, whose lock word every thread writes.
struct CachedView {
  std::uint64_t recorder;
  std::string_view route;
  Method method;
  int status;
  bool operator==(const CachedView&) const = default;
};
struct CachedKey {
  std::uint64_t recorder;
  std::string route;
  Method method;
  int status;
  CachedView view() const { return {recorder, route, method, status}; }
};
struct CachedHash {
  using is_transparent = void;
  std::size_t operator()(const CachedView& key) const noexcept {
    const std::size_t route = std::hash<std::string_view>{}(key.route);
    return route ^ (key.recorder * 0x9e3779b97f4a7c15ULL) ^
           (static_cast<std::size_t>(key.status) << 8U) ^ static_cast<std::size_t>(key.method);
  }
  std::size_t operator()(const CachedKey& key) const noexcept { return (*this)(key.view()); }
};
struct CachedEqual {
  using is_transparent = void;
  static CachedView view(const CachedView& key) { return key; }
  static CachedView view(const CachedKey& key) { return key.view(); }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return view(a) == view(b);
  }
};

}  // namespace

RequestRecorder::RequestRecorder(std::string service, bool access_log,
                                 const observe::Logger& logger, observe::Registry& metrics)
    : service_(std::move(service)),
      access_log_(access_log),
      logger_(logger),
      metrics_(metrics),
      id_(next_recorder_id.fetch_add(1, std::memory_order_relaxed)) {}

RequestRecorder::Series RequestRecorder::series(std::string_view route, Method method, int status) {
  thread_local std::unordered_map<CachedKey, Series, CachedHash, CachedEqual> cached;
  if (const auto found = cached.find(CachedView{id_, route, method, status});
      found != cached.end()) {
    return found->second;
  }
  const Series made = shared_series(route, method, status);
  cached.emplace(CachedKey{id_, std::string(route), method, status}, made);
  return made;
}

RequestRecorder::Series RequestRecorder::shared_series(std::string_view route, Method method,
                                                       int status) {
  const SeriesView key{route, method, status};
  {
    std::shared_lock lock(mutex_);
    if (auto found = series_.find(key); found != series_.end()) return found->second;
  }
  // The registry hands out the same series for the same labels: the latency of a route is
  // shared by its methods and statuses.
  const Series made{&metrics_.counter("http_server_requests_total", "Requests handled",
                                      {{"service", service_},
                                       {"route", std::string(route)},
                                       {"method", std::string(method_name(method))},
                                       {"status", std::to_string(status)}}),
                    &metrics_.histogram("http_server_request_duration_seconds", "Request latency",
                                        {{"service", service_}, {"route", std::string(route)}})};
  std::unique_lock lock(mutex_);
  return series_.emplace(SeriesKey{route, method, status}, made).first->second;
}

bool RequestRecorder::writes_access_log() const {
  return access_log_ && logger_.enabled(observe::Level::kInfo);
}

void RequestRecorder::record(const Request& request, const Response& response,
                             std::chrono::steady_clock::time_point started, std::size_t bytes) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string_view route = request.route_name.empty() ? kUnmatched : request.route_name;
  const Series series = this->series(route, request.method, response.status);
  series.requests->inc();
  series.latency->observe(seconds);
  if (!writes_access_log()) return;
  observe::Fields fields{{"method", std::string(method_name(request.method))},
                         {"route", std::string(route)},
                         {"path", request.path},
                         {"status", response.status},
                         {"bytes", static_cast<std::int64_t>(bytes)},
                         {"latency_ms", seconds * 1000.0},
                         {"remote", request.remote_address}};
  if (request.principal) fields.emplace_back("sub", request.principal->sub);  // the caller
  for (const auto& [key, value] : request.log_fields) fields.emplace_back(key, value);
  logger_.info("request", fields, &request.context);
}

}  // namespace hotel::http
