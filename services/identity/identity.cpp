#include "services/identity/identity.hpp"

#include "services/identity/identity_service.hpp"
#include "services/identity/settings.hpp"

namespace hotel::identity {

void append(service::ServiceList& list) {
  list.append(
      "identity", kDefaultPort,
      [](service::ServiceContext& context) -> std::unique_ptr<service::Service> {
        return std::make_unique<IdentityService>(context, read_identity_settings(context.config));
      },
      add_identity_config);
}

}  // namespace hotel::identity
