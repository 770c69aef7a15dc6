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
    Buckets buckets{name, limiter(limits.per_user, limits.burst, max_keys, clock),
                    limiter(limits.per_address, limits.burst, max_keys, clock)};
    if (buckets.by_user || buckets.by_address) classes_.push_back(std::move(buckets));
  }
}

const RateLimits::Buckets* RateLimits::find(std::string_view rate_class) const {
  for (const Buckets& buckets : classes_) {
    if (buckets.rate_class == rate_class) return &buckets;
  }
  return nullptr;
}

bool RateLimits::limits_addresses(std::string_view rate_class) const {
  const Buckets* buckets = find(rate_class);
  return buckets != nullptr && buckets->by_address != nullptr;
}

bool RateLimits::limits_users(std::string_view rate_class) const {
  const Buckets* buckets = find(rate_class);
  return buckets != nullptr && buckets->by_user != nullptr;
}

void RateLimits::take(resilience::RateLimiter* limiter, std::string_view key) {
  if (limiter == nullptr) return;
  const auto decision = limiter->try_take(key);
  if (decision.allowed) return;
  const auto seconds = std::ceil(static_cast<double>(decision.retry_after.count()) / 1000.0);
  throw http::TooManyRequests(std::max(1, static_cast<int>(seconds)));
}

void RateLimits::take_for_address(std::string_view rate_class, std::string_view address) {
  if (const Buckets* buckets = find(rate_class)) take(buckets->by_address.get(), address);
}

void RateLimits::take_for_user(std::string_view rate_class, std::string_view sub) {
  if (const Buckets* buckets = find(rate_class)) take(buckets->by_user.get(), sub);
}

http::Middleware address_rate_limit(RateLimits& limits, const proxy::TrustedProxies& trusted) {
  return [&limits, &trusted](http::Request& request, const http::Route& route,
                             const http::Handler& next) {
    const std::string& rate_class = route.policy.rate_class;
    if (limits.limits_addresses(rate_class)) {
      limits.take_for_address(rate_class, proxy::client_info(request, trusted).address);
    }
    return next(request);
  };
}

http::Middleware user_rate_limit(RateLimits& limits) {
  return [&limits](http::Request& request, const http::Route& route, const http::Handler& next) {
    const std::string& rate_class = route.policy.rate_class;
    if (!limits.limits_users(rate_class)) return next(request);
    if (auto sub = caller_sub(request); !sub.empty()) limits.take_for_user(rate_class, sub);
    return next(request);
  };
}

}  // namespace hotel::gateway::edge
