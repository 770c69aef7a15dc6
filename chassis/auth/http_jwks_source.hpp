// Fetches a JWKS over the chassis HTTP client: the embedded identity service over loopback.
#pragma once

#include <string>

#include "chassis/auth/jwks.hpp"
#include "chassis/http/client.hpp"

namespace hotel::discovery {
class Resolver;
}

namespace hotel::auth {

class HttpJwksSource final : public JwksSource {
 public:
  // The client outlives the source. `path` is the JWKS path, e.g. "/.well-known/jwks.json".
  HttpJwksSource(http::HttpClient& client, http::Endpoint endpoint, std::string path,
                 std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Looks the issuing service up on every fetch (its port may be known only once it runs).
  HttpJwksSource(http::HttpClient& client, const discovery::Resolver& resolver, std::string service,
                 std::string path, std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // Throws http::ClientError on transport failure, std::runtime_error on a status other than 200
  // and std::invalid_argument on a body that is not a JWKS.
  http::Task<Jwks> fetch() override;

 private:
  http::Endpoint endpoint() const;

  http::HttpClient& client_;
  http::Endpoint endpoint_;
  const discovery::Resolver* resolver_ = nullptr;
  std::string service_;
  std::string path_;
  std::chrono::milliseconds timeout_;
};

}  // namespace hotel::auth
