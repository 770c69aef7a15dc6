#include "chassis/observe/health.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <exception>

#include "chassis/observe/utf8.hpp"

namespace hotel::observe {
namespace {

constexpr int kOk = 200;
constexpr int kUnavailable = 503;

CheckResult run_check(const std::string& name, const std::function<bool()>& check) {
  try {
    return {name, check(), {}};
  } catch (const std::exception& e) {
    return {name, false, e.what()};
  } catch (...) {
    return {name, false, "unknown exception"};
  }
}

}  // namespace

std::string_view health_state_name(HealthState state) {
  switch (state) {
    case HealthState::kStarting:
      return "starting";
    case HealthState::kReady:
      return "ready";
    case HealthState::kDraining:
      return "draining";
  }
  return "unknown";
}

void Health::set_ready() {
  auto expected = HealthState::kStarting;
  state_.compare_exchange_strong(expected, HealthState::kReady);
}

void Health::set_draining() { state_.store(HealthState::kDraining); }

void Health::add_check(std::string name, std::function<bool()> check) {
  std::lock_guard lock(mutex_);
  auto same = std::find_if(checks_.begin(), checks_.end(),
                           [&](const Check& existing) { return existing.name == name; });
  if (same != checks_.end()) {
    same->run = std::move(check);
  } else {
    checks_.push_back({std::move(name), std::move(check)});
  }
}

ReadyReport Health::ready() const {
  ReadyReport report;
  report.state = state();
  if (report.state != HealthState::kReady) return report;
  std::vector<Check> checks;
  {
    std::lock_guard lock(mutex_);
    checks = checks_;  // run outside the lock: checks may block or add checks themselves
  }
  for (const auto& check : checks) report.checks.push_back(run_check(check.name, check.run));
  report.ok = std::all_of(report.checks.begin(), report.checks.end(),
                          [](const CheckResult& result) { return result.ok; });
  return report;
}

HealthAnswer Health::live_answer() const {
  return {live() ? kOk : kUnavailable, live() ? R"({"status":"live"})" : R"({"status":"dead"})"};
}

HealthAnswer Health::ready_answer() const { return to_answer(ready()); }

HealthAnswer to_answer(const ReadyReport& report) {
  boost::json::object body;
  const bool all_ok = report.state == HealthState::kReady && report.ok;
  body["status"] = report.state != HealthState::kReady ? health_state_name(report.state)
                   : all_ok                            ? "ready"
                                                       : "unready";
  if (report.state == HealthState::kReady) {
    boost::json::array failing;
    boost::json::object checks;
    for (const auto& check : report.checks) {
      if (!check.ok) failing.emplace_back(check.name);
      checks[check.name] =
          check.ok ? "ok" : (check.error.empty() ? "fail" : valid_utf8(check.error));
    }
    if (!failing.empty()) body["failing"] = std::move(failing);
    body["checks"] = std::move(checks);
  }
  return {all_ok ? kOk : kUnavailable, boost::json::serialize(body)};
}

}  // namespace hotel::observe
