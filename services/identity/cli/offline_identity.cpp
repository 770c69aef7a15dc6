#include "services/identity/cli/offline_identity.hpp"

#include <filesystem>

#include "chassis/core/clock.hpp"
#include "chassis/events/outbox.hpp"
#include "chassis/secrets/file_secrets_provider.hpp"
#include "chassis/service/config.hpp"
#include "chassis/service/environment.hpp"
#include "chassis/service/host.hpp"
#include "chassis/store/database.hpp"
#include "chassis/store/migrations.hpp"
#include "services/identity/application/rsa_key_generator.hpp"
#include "services/identity/storage/migrations.hpp"
#include "services/identity/storage/sqlite_identity_store.hpp"

namespace hotel::identity::cli {

namespace fs = std::filesystem;

namespace {

service::Config load(const service::ServiceList& services, const OfflineOptions& options) {
  auto env = service::hotel_environment();
  if (!options.data_dir.empty()) env["HOTEL_DATA_DIR"] = options.data_dir;
  std::optional<std::string> file;
  if (!options.config_file.empty()) file = options.config_file;
  return service::load_config(service::host_schema(services), file, env);
}

store::DatabaseOptions database_options(const std::string& data_dir) {
  const auto dir = fs::path(data_dir) / "identity";
  fs::create_directories(dir);
  return {.path = (dir / "identity.db").string(),
          .synchronous = store::Synchronous::kFull,
          .readers = 1,
          .busy_timeout = std::chrono::seconds(10)};
}

}  // namespace

struct OfflineIdentity::Parts {
  explicit Parts(const service::Config& config)
      : settings(read_identity_settings(config)),
        data_dir(config.get_string("data_dir")),
        database_options(cli::database_options(data_dir)),
        database(database_options),
        outbox(database, "hotel/identity"),
        secrets(fs::path(data_dir) / "secrets", service::hotel_environment()),
        store(database, outbox),
        pool(store, secrets, core::SystemClock::instance(), settings.options),
        keys(store, secrets, generator, core::SystemClock::instance(), settings.options.keys) {}

  IdentitySettings settings;
  std::string data_dir;
  store::DatabaseOptions database_options;
  store::Database database;
  events::Outbox outbox;
  secrets::FileSecretsProvider secrets;
  storage::SqliteIdentityStore store;
  application::UserPool pool;
  application::RsaKeyGenerator generator;
  application::KeyService keys;
};

OfflineIdentity::OfflineIdentity(const service::ServiceList& services,
                                 const OfflineOptions& options) {
  const auto config = load(services, options);
  parts_ = std::make_unique<Parts>(config);
  store::apply_migrations(parts_->database, storage::migrations());
}

OfflineIdentity::~OfflineIdentity() = default;

application::UserPool& OfflineIdentity::pool() { return parts_->pool; }
application::KeyService& OfflineIdentity::keys() { return parts_->keys; }
const IdentitySettings& OfflineIdentity::settings() const { return parts_->settings; }
const std::string& OfflineIdentity::database_path() const { return parts_->database_options.path; }

}  // namespace hotel::identity::cli
