#include "services/gateway/edge/cors.hpp"

#include <algorithm>
#include <memory>

#include "chassis/http/errors.hpp"

namespace hotel::gateway::edge {
namespace {

constexpr const char* kAllowHeaders =
    "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id, "
    "traceparent";
constexpr const char* kExposeHeaders =
    "X-Request-Id, Retry-After, ETag, Location, WWW-Authenticate";

void add_vary(http::Response& response, std::string_view field) {
  auto vary = response.headers.get("Vary");
  if (!vary || vary->empty()) {
    response.headers.set("Vary", std::string(field));
  } else if (vary->find(field) == std::string::npos) {
    response.headers.set("Vary", *vary + ", " + std::string(field));
  }
}

// "Vary: Origin", built and checked once: most answers have no Vary of their own and get it
// with one copy, not checked again when written.
const http::Headers& vary_origin() {
  static const http::Headers fields = [] {
    http::Headers built;
    built.add_checked("Vary", "Origin");
    return built;
  }();
  return fields;
}

bool allows(const CorsOptions& options, std::string_view origin) {
  return std::find(options.origins.begin(), options.origins.end(), origin) != options.origins.end();
}

void allow_origin(const CorsOptions& options, http::Response& response, std::string_view origin) {
  response.headers.set("Access-Control-Allow-Origin", origin);
  if (options.credentials) response.headers.set("Access-Control-Allow-Credentials", "true");
}

struct Cors {
  CorsOptions options;
  AllowedMethods allowed_methods;

  http::Response preflight(const http::Request& request, const std::string& origin,
                           const std::string& methods) const {
    if (!allows(options, origin)) {
      http::Response refused = http::problem_response(403, "cors_origin_denied", "Forbidden",
                                                      "this origin may not call the API",
                                                      request.path, request.context.request_id);
      add_vary(refused, "Origin");
      return refused;
    }
    http::Response response = http::Response::empty(204);
    allow_origin(options, response, origin);
    response.headers.set("Access-Control-Allow-Methods", methods);
    response.headers.set("Access-Control-Allow-Headers", kAllowHeaders);
    response.headers.set("Access-Control-Max-Age", std::to_string(options.max_age.count()));
    add_vary(response, "Origin");
    add_vary(response, "Access-Control-Request-Method");
    add_vary(response, "Access-Control-Request-Headers");
    return response;
  }

  // Not a coroutine: a request that is no preflight goes on with no frame of its own.
  http::Task<http::Response> handle(http::Request& request, const http::Handler& next) const {
    if (request.method == http::Method::kOptions &&
        request.headers.has("Access-Control-Request-Method")) {
      if (const auto origin = request.headers.get("Origin")) {
        if (auto methods = allowed_methods(request.path); !methods.empty()) {
          return answer(preflight(request, *origin, methods));
        }
      }
    }
    return next(request);
  }

  static http::Task<http::Response> answer(http::Response response) { co_return response; }
};

}  // namespace

http::Middleware cors_middleware(CorsOptions options, AllowedMethods allowed_methods) {
  auto cors = std::make_shared<const Cors>(Cors{std::move(options), std::move(allowed_methods)});
  return [cors](http::Request& request, const http::Route&, const http::Handler& next) {
    return cors->handle(request, next);
  };
}

void add_cors_headers(const CorsOptions& options, const http::Request& request,
                      http::Response& response) {
  if (auto origin = request.headers.find("Origin"); origin && allows(options, *origin)) {
    allow_origin(options, response, *origin);
    response.headers.set("Access-Control-Expose-Headers", kExposeHeaders);
  }
  if (response.headers.has("Vary")) {
    add_vary(response, "Origin");
  } else {
    response.headers.add_all(vary_origin());
  }
}

}  // namespace hotel::gateway::edge
