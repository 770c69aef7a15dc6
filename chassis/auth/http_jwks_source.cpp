#include "chassis/auth/http_jwks_source.hpp"

#include <stdexcept>

namespace hotel::auth {

HttpJwksSource::HttpJwksSource(http::HttpClient& client, http::Endpoint endpoint, std::string path,
                               std::chrono::milliseconds timeout)
    : client_(client), endpoint_(std::move(endpoint)), path_(std::move(path)), timeout_(timeout) {}

http::Task<Jwks> HttpJwksSource::fetch() {
  http::Request request;
  request.method = http::Method::kGet;
  request.target = path_;
  request.headers.set("Accept", "application/json");
  http::CallOptions options;
  options.timeout = timeout_;
  const http::Response response = co_await client_.send(endpoint_, std::move(request), options);
  if (response.status != 200) {
    throw std::runtime_error("JWKS fetch from " + endpoint_.str() + path_ + " answered " +
                             std::to_string(response.status));
  }
  co_return Jwks::parse(response.body);
}

}  // namespace hotel::auth
