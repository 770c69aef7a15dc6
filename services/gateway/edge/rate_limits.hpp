// Token buckets per rate class: one keyed by client address, checked before the token is
// verified, and one keyed by the signed-in user's sub, checked after. A refused request gets 429
// with Retry-After.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chassis/core/clock.hpp"
#include "chassis/http/server.hpp"
#include "chassis/resilience/rate_limiter.hpp"
#include "services/gateway/proxy/forwarding.hpp"

namespace hotel::gateway::edge {

struct ClassLimits {
  double per_user = 0;  // requests per second; 0: no limit
  double per_address = 0;
  double burst = 1;
};

class RateLimits {
 public:
  // A route whose class is not in `classes` is not limited.
  RateLimits(const std::map<std::string, ClassLimits>& classes, std::size_t max_keys,
             const core::Clock& clock = core::SystemClock::instance());

  // Whether requests of that class are limited per client address / per user.
  bool limits_addresses(std::string_view rate_class) const;
  bool limits_users(std::string_view rate_class) const;
  // Throw http::TooManyRequests when the key's bucket of that class is empty.
  void take_for_address(std::string_view rate_class, std::string_view address);
  void take_for_user(std::string_view rate_class, std::string_view sub);

 private:
  struct Buckets {
    std::string rate_class;
    std::unique_ptr<resilience::RateLimiter> by_user;     // null: no limit
    std::unique_ptr<resilience::RateLimiter> by_address;  // null: no limit
  };
  const Buckets* find(std::string_view rate_class) const;
  static void take(resilience::RateLimiter* limiter, std::string_view key);

  // The classes with a limit of either kind; a handful, looked through in order.
  std::vector<Buckets> classes_;
};

// The limits and trusted proxies outlive the middlewares.
http::Middleware address_rate_limit(RateLimits& limits, const proxy::TrustedProxies& trusted);
http::Middleware user_rate_limit(RateLimits& limits);

}  // namespace hotel::gateway::edge
