#include "services/gateway/gateway.hpp"

#include "chassis/service/config.hpp"
#include "services/gateway/api/fallback_routes.hpp"
#include "services/gateway/api/web_routes.hpp"
#include "services/gateway/edge/edge.hpp"
#include "services/gateway/embedded.hpp"
#include "services/gateway/gateway_keys.hpp"
#include "services/gateway/gateway_options.hpp"
#include "services/gateway/proxy/proxy.hpp"
#include "services/gateway/routing/route_shape.hpp"
#include "services/gateway/web/static_files.hpp"

namespace hotel::gateway {
namespace {

routing::RouteTable load_table(const GatewayOptions& options, std::vector<std::string> services) {
  routing::TableVocabulary vocabulary;
  vocabulary.services = std::move(services);
  vocabulary.rate_classes.assign(kRateClasses.begin(), kRateClasses.end());
  if (options.routes_file.empty()) {
    return routing::parse_route_table(embedded::kDefaultRoutesJson, vocabulary);
  }
  return routing::load_route_table(options.routes_file, vocabulary);
}

// The single public entry: every public path goes through here to the service that owns it.
class GatewayService final : public service::Service {
 public:
  GatewayService(service::ServiceContext& context, std::vector<std::string> services)
      : options_(read_gateway_options(context.config)),
        table_(load_table(options_, std::move(services))),
        shape_(table_),
        trusted_(options_.trusted_proxies),
        upstreams_(table_.services(), context.resolver, context.client, options_.upstream,
                   context.metrics, context.logger),
        rate_limits_(options_.rates, options_.rate_max_keys),
        files_(options_.web_dir, context.runtime) {}

  void add_routes(http::Router& router) override {
    api::add_web_routes(router, files_);
    api::add_openapi_route(router, embedded::kOpenApiJson);
    for (const auto& rule : table_.rules) {
      auto handler = proxy::proxy_handler(rule, upstreams_.at(rule.service), trusted_);
      for (const auto& pattern : rule.patterns()) {
        for (auto method : rule.methods) router.add(method, pattern, handler, rule.policy);
      }
    }
    api::add_fallback_routes(router, shape_);
  }

  // /metrics names upstream addresses: health and metrics live on a loopback admin listener.
  std::optional<std::uint16_t> admin_port() const override { return options_.admin_port; }

  http::ResponseDecorator response_decorator() override {
    return edge::edge_decorator(options_.security, options_.cors, trusted_);
  }

  // Outermost first: CORS (preflights answered here), per-address limits before the token is
  // verified, per-user limits after. Errors escaping them become problem responses in the
  // server.
  std::vector<http::Middleware> middleware(http::Middleware auth) override {
    return {
        edge::cors_middleware(
            options_.cors, [this](std::string_view path) { return shape_.allowed_methods(path); }),
        edge::address_rate_limit(rate_limits_, trusted_), std::move(auth),
        edge::user_rate_limit(rate_limits_)};
  }

 private:
  GatewayOptions options_;
  routing::RouteTable table_;
  routing::RouteShape shape_;
  proxy::TrustedProxies trusted_;
  proxy::Upstreams upstreams_;
  edge::RateLimits rate_limits_;
  web::StaticFiles files_;
};

}  // namespace

std::unique_ptr<service::Service> make_gateway(service::ServiceContext& context,
                                               std::vector<std::string> services) {
  return std::make_unique<GatewayService>(context, std::move(services));
}

void append(service::ServiceList& list) {
  std::vector<std::string> services;
  for (const auto& entry : list.entries()) services.push_back(entry.name);
  list.append(
      "gateway", kDefaultPort,
      [services](service::ServiceContext& context) { return make_gateway(context, services); },
      add_gateway_keys);
}

}  // namespace hotel::gateway
