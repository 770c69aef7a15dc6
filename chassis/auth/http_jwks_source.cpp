#include "chassis/auth/http_jwks_source.hpp"

#include "chassis/discovery/resolver.hpp"

#include <stdexcept>

namespace hotel::auth {

HttpJwksSource::HttpJwksSource(http::HttpClient& client, http::Endpoint endpoint, std::string path,
                               std::chrono::milliseconds timeout)
    : client_(client), endpoint_(std::move(endpoint)), path_(std::move(path)), timeout_(timeout) {}

HttpJwksSource::HttpJwksSource(http::HttpClient& client, const discovery::Resolver& resolver,
                               std::string service, std::string path,
                               std::chrono::milliseconds timeout)
    : client_(client),
      resolver_(&resolver),
      service_(std::move(service)),
      path_(std::move(path)),
      timeout_(timeout) {}

http::Endpoint HttpJwksSource::endpoint() const {
  if (resolver_ == nullptr) return endpoint_;
  auto endpoints = resolver_->resolve(service_);
  if (endpoints.empty()) throw std::runtime_error("no endpoint known for " + service_);
  return endpoints.front();
}

http::Task<Jwks> HttpJwksSource::fetch() {
  const http::Endpoint where = endpoint();
  http::Request request;
  request.method = http::Method::kGet;
  request.target = path_;
  request.headers.set("Accept", "application/json");
  http::CallOptions options;
  options.timeout = timeout_;
  const http::Response response = co_await client_.send(where, std::move(request), options);
  if (response.status != 200) {
    throw std::runtime_error("JWKS fetch from " + where.str() + path_ + " answered " +
                             std::to_string(response.status));
  }
  co_return Jwks::parse(response.body);
}

}  // namespace hotel::auth
