// Liveness and readiness of one service: /health/live answers while the process runs,
// /health/ready answers 200 only when started, not draining, and every readiness check passes.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hotel::observe {

enum class HealthState { kStarting, kReady, kDraining };

std::string_view health_state_name(HealthState state);

struct CheckResult {
  std::string name;
  bool ok = false;
  std::string error;  // what a throwing check said; empty otherwise
};

struct ReadyReport {
  bool ok = false;
  HealthState state = HealthState::kStarting;
  std::vector<CheckResult> checks;  // in the order they were added; empty unless kReady
};

// What a health endpoint sends: the status code and a JSON body.
struct HealthAnswer {
  int status = 200;
  std::string body;
};

class Health {
 public:
  // kStarting → kReady → kDraining; draining is final (set_ready() afterwards is ignored).
  void set_ready();
  void set_draining();
  HealthState state() const { return state_.load(); }

  // A named readiness check run on every readiness probe; a check that throws fails.
  // Adding a name again replaces the earlier check.
  void add_check(std::string name, std::function<bool()> check);

  bool live() const { return true; }
  ReadyReport ready() const;

  // 200 {"status":"live"}.
  HealthAnswer live_answer() const;
  // 200 {"status":"ready","checks":{...}}, or 503 with "starting", "draining", or "unready"
  // and the names of the failing checks.
  HealthAnswer ready_answer() const;
  std::string ready_json() const { return ready_answer().body; }

 private:
  struct Check {
    std::string name;
    std::function<bool()> run;
  };
  std::atomic<HealthState> state_{HealthState::kStarting};
  mutable std::mutex mutex_;
  std::vector<Check> checks_;
};

// The body and status for a report; Health::ready_answer() is this applied to ready().
HealthAnswer to_answer(const ReadyReport& report);

}  // namespace hotel::observe
