#include "chassis/http/request_context.hpp"

#include <algorithm>
#include <charconv>

#include "chassis/core/ids.hpp"
#include "chassis/http/client.hpp"

namespace hotel::http {
namespace {

bool is_safe_request_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

bool parse_traceparent(std::string_view value, std::string& trace_id, std::string& span_id) {
  // version "-" trace-id "-" parent-id "-" flags
  if (value.size() < 55 || value.substr(0, 3) != "00-" || value[35] != '-' || value[52] != '-') {
    return false;
  }
  auto trace = value.substr(3, 32);
  auto span = value.substr(36, 16);
  if (!core::is_hex_id(trace, 32) || !core::is_hex_id(span, 16)) return false;
  trace_id.assign(trace);
  span_id.assign(span);
  return true;
}

void fill_request_context(Request& request, std::chrono::milliseconds route_timeout,
                          std::chrono::steady_clock::time_point now) {
  auto& context = request.context;
  if (context.request_id.empty()) {
    const auto given = request.headers.find("X-Request-Id");
    if (given && is_safe_request_id(*given)) {
      context.request_id.assign(*given);
    } else {
      core::assign_random_hex(context.request_id, 16);  // in the storage it has
    }
  }
  if (context.trace_id.empty()) {
    const auto header = request.headers.find("traceparent");
    if (!header || !parse_traceparent(*header, context.trace_id, context.parent_span_id)) {
      core::assign_random_hex(context.trace_id, 16);
      context.parent_span_id.clear();
    }
    core::assign_random_hex(context.span_id, 8);
  }
  auto budget = route_timeout;
  if (const auto remaining = request.headers.find(kRemainingTimeHeader)) {
    long long ms = 0;
    auto [ptr, ec] = std::from_chars(remaining->data(), remaining->data() + remaining->size(), ms);
    if (ec == std::errc() && ptr == remaining->data() + remaining->size() && ms >= 0) {
      budget = std::min(budget, std::chrono::milliseconds(ms));
    }
  }
  context.deadline = budget == std::chrono::milliseconds::max()
                         ? std::chrono::steady_clock::time_point::max()
                         : now + budget;
}

}  // namespace hotel::http
