// Blocking work run on the worker pool every `interval` (the identity service's housekeeping),
// from start() until stop(). A failing run is logged and the next one happens on time.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace hotel::core {
class Runtime;
}
namespace hotel::observe {
class Logger;
}

namespace hotel::identity {

class PeriodicTask {
 public:
  // The runtime and logger outlive the task.
  PeriodicTask(core::Runtime& runtime, const observe::Logger& logger, std::string name,
               std::chrono::milliseconds interval, std::function<void()> work);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void start();
  // Cancels the pending wait; a run in progress finishes on its own. Returns at once.
  void stop();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace hotel::identity
