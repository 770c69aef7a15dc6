#include "chassis/http/request_recorder.hpp"

#include <mutex>

#include "chassis/auth/principal.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http {
namespace {

constexpr std::string_view kUnmatched = "unmatched";

}  // namespace

RequestRecorder::RequestRecorder(std::string service, bool access_log,
                                 const observe::Logger& logger, observe::Registry& metrics)
    : service_(std::move(service)), access_log_(access_log), logger_(logger), metrics_(metrics) {}

RequestRecorder::Series RequestRecorder::series(std::string_view route, Method method, int status) {
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
