// Fetches a JWKS from an http(s) URL with libcurl on the worker pool: a real Cognito pool's
// https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json, or cognito-local.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "chassis/auth/jwks.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::auth {

struct CurlJwksOptions {
  std::chrono::milliseconds timeout{5'000};  // the whole transfer
  std::size_t max_body = 1 << 20;            // bytes
};

class CurlJwksSource final : public JwksSource {
 public:
  // The runtime outlives the source. Only http:// and https:// URLs are followed; redirects are
  // not; TLS peers are verified against the system's CA store.
  CurlJwksSource(core::Runtime& runtime, std::string url, CurlJwksOptions options = {});

  // Throws std::runtime_error on transport failure or a status other than 200, and
  // std::invalid_argument on a body that is not a JWKS.
  http::Task<Jwks> fetch() override;

 private:
  core::Runtime& runtime_;
  std::string url_;
  CurlJwksOptions options_;
};

}  // namespace hotel::auth
