#include "chassis/auth/testing/counting_jwks_source.hpp"

#include <stdexcept>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace hotel::auth::testing {

void CountingJwksSource::set(Jwks jwks) {
  std::lock_guard lock(mutex_);
  jwks_ = std::move(jwks);
}

http::Task<Jwks> CountingJwksSource::fetch() {
  ++fetches_;
  if (const long long delay = delay_ms_.load(); delay > 0) {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor,
                                    std::chrono::milliseconds(delay));
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
  if (failing_) throw std::runtime_error("the identity provider is down");
  Jwks copy;
  {
    std::lock_guard lock(mutex_);
    copy = jwks_;
  }
  co_return copy;
}

}  // namespace hotel::auth::testing
