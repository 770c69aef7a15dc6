// The identity service's use cases on its database and secrets without a server: what the
// `hotel users` and `hotel keys` commands work on. Safe while the service runs (SQLite WAL with
// a busy timeout; a running service sees new signing keys within 5 s).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "services/identity/application/key_service.hpp"
#include "services/identity/application/user_pool.hpp"
#include "services/identity/settings.hpp"

namespace hotel::service {
class ServiceList;
}

namespace hotel::identity::cli {

struct OfflineOptions {
  std::string data_dir;     // overrides data_dir; empty: configuration (HOTEL_DATA_DIR, "data")
  std::string config_file;  // optional JSON configuration, as for `hotel serve`
};

class OfflineIdentity {
 public:
  // Loads the configuration (throws service::ConfigError), opens and migrates
  // <data_dir>/identity/identity.db and the secrets store <data_dir>/secrets.
  OfflineIdentity(const service::ServiceList& services, const OfflineOptions& options);
  ~OfflineIdentity();

  application::UserPool& pool();
  application::KeyService& keys();
  const IdentitySettings& settings() const;
  const std::string& database_path() const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace hotel::identity::cli
