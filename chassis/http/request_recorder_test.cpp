#include "chassis/http/request_recorder.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::http {
namespace {

Request routed(Method method, std::string route) {
  Request request;
  request.method = method;
  request.route_name = std::move(route);
  return request;
}

// The line of the rendered registry that starts with `prefix` (the series' name and labels).
std::string line_of(const std::string& text, const std::string& prefix) {
  const auto at = text.find("\n" + prefix);
  if (at == std::string::npos) return "";
  const auto end = text.find('\n', at + 1);
  return text.substr(at + 1, end - at - 1);
}

TEST(RequestRecorder, CountsPerRouteMethodAndStatusAndTimesPerRoute) {
  observe::Logger logger("test");
  observe::Registry metrics;
  RequestRecorder recorder("svc", false, logger, metrics);
  const auto started = std::chrono::steady_clock::now();
  const Response ok = Response::empty(200);
  const Response missing = Response::empty(404);
  recorder.record(routed(Method::kGet, "/v1/a"), ok, started, 0);
  recorder.record(routed(Method::kGet, "/v1/a"), ok, started, 0);
  recorder.record(routed(Method::kGet, "/v1/a"), missing, started, 0);
  recorder.record(routed(Method::kPost, "/v1/a"), ok, started, 0);
  recorder.record(routed(Method::kGet, ""), missing, started, 0);  // no route matched

  const std::string text = "\n" + metrics.render();
  const std::string requests = "http_server_requests_total{";
  EXPECT_EQ(
      line_of(text, requests + "method=\"GET\",route=\"/v1/a\",service=\"svc\",status=\"200\"}"),
      requests + "method=\"GET\",route=\"/v1/a\",service=\"svc\",status=\"200\"} 2")
      << text;
  EXPECT_NE(
      line_of(text, requests + "method=\"GET\",route=\"/v1/a\",service=\"svc\",status=\"404\"} 1"),
      "");
  EXPECT_NE(
      line_of(text, requests + "method=\"POST\",route=\"/v1/a\",service=\"svc\",status=\"200\"} 1"),
      "");
  EXPECT_NE(
      line_of(text,
              requests + "method=\"GET\",route=\"unmatched\",service=\"svc\",status=\"404\"} 1"),
      "");
  // One histogram per route, whatever the method and status.
  const std::string count = "http_server_request_duration_seconds_count{";
  EXPECT_NE(line_of(text, count + "route=\"/v1/a\",service=\"svc\"} 4"), "") << text;
  EXPECT_NE(line_of(text, count + "route=\"unmatched\",service=\"svc\"} 1"), "") << text;
}

TEST(RequestRecorder, EachRecorderCountsInItsOwnRegistryWhateverTheThreadRemembers) {
  observe::Logger logger("test");
  const auto started = std::chrono::steady_clock::now();
  const std::string line =
      "http_server_requests_total{method=\"GET\",route=\"/v1/a\",service=\"svc\",status=\"200\"}";
  for (int round = 0; round < 3; ++round) {
    // A recorder made where the last one was (same thread, likely the same address) must not
    // find the last one's series.
    observe::Registry first;
    observe::Registry second;
    auto one = std::make_unique<RequestRecorder>("svc", false, logger, first);
    auto two = std::make_unique<RequestRecorder>("svc", false, logger, second);
    one->record(routed(Method::kGet, "/v1/a"), Response::empty(200), started, 0);
    two->record(routed(Method::kGet, "/v1/a"), Response::empty(200), started, 0);
    two->record(routed(Method::kGet, "/v1/a"), Response::empty(200), started, 0);
    EXPECT_NE(line_of("\n" + first.render(), line + " 1"), "") << round;
    EXPECT_NE(line_of("\n" + second.render(), line + " 2"), "") << round;
  }
}

}  // namespace
}  // namespace hotel::http
