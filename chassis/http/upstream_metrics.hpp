// Breaker metrics for upstreams: a hook for UpstreamOptions::on_breaker_change that keeps
//   upstream_breaker_state{upstream,endpoint}              0 closed, 1 half-open, 2 open
//   upstream_breaker_transitions_total{upstream,endpoint,to}
// and logs every transition.
#pragma once

#include <functional>
#include <string>

#include "chassis/http/upstream.hpp"

namespace hotel::observe {
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::http {

// The registry and logger outlive every upstream using the hook.
decltype(UpstreamOptions::on_breaker_change) breaker_metrics_hook(observe::Registry& metrics,
                                                                  const observe::Logger& logger);

}  // namespace hotel::http
