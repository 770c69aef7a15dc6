#include "services/gateway/api/fallback_routes.hpp"

#include <array>

#include "chassis/http/errors.hpp"

namespace hotel::gateway::api {
namespace {

using http::Method;

constexpr std::array<Method, 7> kMethods{Method::kGet,   Method::kPost,   Method::kPut,
                                         Method::kPatch, Method::kDelete, Method::kOptions,
                                         Method::kOther};

http::Task<http::Response> unmatched(const routing::RouteShape& shape, http::Request& request) {
  const std::string allowed = shape.allowed_methods(request.path);
  if (allowed.empty()) throw http::NotFound("no route for " + request.path);
  if (request.method == Method::kOptions) {
    http::Response response = http::Response::empty(204);
    response.headers.set("Allow", allowed);
    co_return response;
  }
  throw http::MethodNotAllowed(allowed);
}

}  // namespace

void add_fallback_routes(http::Router& router, const routing::RouteShape& shape) {
  http::RoutePolicy policy;
  policy.access = http::Access::anyone();
  http::Handler handler = [&shape](http::Request& request) { return unmatched(shape, request); };
  const bool root_taken = router.match(Method::kGet, "/").route != nullptr;
  for (auto method : kMethods) {
    router.add(method, "/{rest...}", handler, policy);
    if (!(root_taken && method == Method::kGet)) router.add(method, "/", handler, policy);
  }
}

}  // namespace hotel::gateway::api
