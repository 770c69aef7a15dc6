#include "services/gateway/api/web_routes.hpp"

#include "services/gateway/web/etag.hpp"
#include "services/gateway/web/static_files.hpp"

namespace hotel::gateway::api {
namespace {

http::RoutePolicy public_policy() {
  http::RoutePolicy policy;
  policy.access = http::Access::anyone();
  policy.rate_class = "static";
  policy.body_limit = 0;
  return policy;
}

http::Handler redirect_to(std::string location) {
  return [location = std::move(location)](http::Request&) -> http::Task<http::Response> {
    http::Response response = http::Response::empty(302);
    response.headers.set("Location", location);
    co_return response;
  };
}

}  // namespace

void add_web_routes(http::Router& router, web::StaticFiles& files) {
  router.get("/", redirect_to(std::string(kUiPath)), public_policy());
  router.get("/hotel", redirect_to(std::string(kUiPath)), public_policy());
  router.get(
      "/hotel/", [&files](http::Request& request) { return files.serve(request, {}); },
      public_policy());
  router.get(
      "/hotel/{path...}",
      [&files](http::Request& request) { return files.serve(request, request.param("path")); },
      public_policy());
}

void add_openapi_route(http::Router& router, std::string_view document) {
  router.get(
      "/openapi.json",
      [document,
       etag = web::strong_etag(document)](http::Request& request) -> http::Task<http::Response> {
        http::Response response;
        if (auto tags = request.headers.get("If-None-Match");
            tags && web::none_match_hits(*tags, etag)) {
          response.status = 304;
        } else {
          response = http::Response::json(200, std::string(document));
        }
        response.headers.set("ETag", etag);
        response.headers.set("Cache-Control", "no-cache");
        co_return response;
      },
      public_policy());
}

}  // namespace hotel::gateway::api
