#include "services/gateway/gateway.hpp"

namespace hotel::gateway {
namespace {

// The gateway is stateless: health and metrics for now; routing comes with its own issue.
class GatewayService final : public service::Service {
 public:
  explicit GatewayService(service::ServiceContext&) {}
  void add_routes(http::Router&) override {}
};

}  // namespace

void append(service::ServiceList& list) {
  list.append("gateway", kDefaultPort, [](service::ServiceContext& context) {
    return std::make_unique<GatewayService>(context);
  });
}

}  // namespace hotel::gateway
