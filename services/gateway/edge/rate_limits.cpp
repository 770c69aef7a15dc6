#include "services/gateway/edge/rate_limits.hpp"

#include <cmath>

#include "chassis/http/errors.hpp"
#include "services/gateway/edge/caller.hpp"

namespace hotel::gateway::edge {
namespace {

std::unique_ptr<resilience::RateLimiter> limiter(double rate, double burst, std::size_t max_keys,
                                                 const core::Clock& clock) {
  if (rate <= 0) return nullptr;
  resilience::RateLimiterOptions options;
  options.limits = {rate, burst};
  options.max_keys = max_keys;
  return std::make_unique<resilience::RateLimiter>(options, clock);
}

}  // namespace

RateLimits::RateLimits(const std::map<std::string, ClassLimits>& classes, std::size_t max_keys,
                       const core::Clock& clock) {
  for (const auto& [name, limits] : classes) {
    classes_[name] = Buckets{limiter(limits.per_user, limits.burst, max_keys, clock),
                             limiter(limits.per_address, limits.burst, max_keys, clock)};
  }
}

void RateLimits::take(resilience::RateLimiter* limiter, std::string_view key) {
  if (limiter == nullptr) return;
  const auto decision = limiter->try_take(key);
  if (decision.allowed) return;
  const auto seconds = std::ceil(static_cast<double>(decision.retry_after.count()) / 1000.0);
  throw http::TooManyRequests(std::max(1, static_cast<int>(seconds)));
}

void RateLimits::take_for_address(const std::string& rate_class, std::string_view address) {
  if (auto found = classes_.find(rate_class); found != classes_.end()) {
    take(found->second.by_address.get(), address);
  }
}

void RateLimits::take_for_user(const std::string& rate_class, std::string_view sub) {
  if (auto found = classes_.find(rate_class); found != classes_.end()) {
    take(found->second.by_user.get(), sub);
  }
}

http::Middleware address_rate_limit(RateLimits& limits, const proxy::TrustedProxies& trusted) {
  return [&limits, &trusted](http::Request& request, const http::Route& route,
                             const http::Handler& next) {
    limits.take_for_address(route.policy.rate_class, proxy::client_info(request, trusted).address);
    return next(request);
  };
}

http::Middleware user_rate_limit(RateLimits& limits) {
  return [&limits](http::Request& request, const http::Route& route, const http::Handler& next) {
    if (auto sub = caller_sub(request); !sub.empty()) {
      limits.take_for_user(route.policy.rate_class, sub);
    }
    return next(request);
  };
}

}  // namespace hotel::gateway::edge
