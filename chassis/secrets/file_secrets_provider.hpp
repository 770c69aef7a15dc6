// Secrets from the environment (HOTEL_SECRET_<NAME>) or, failing that, one file per secret in a
// private directory. Writes are atomic and readable by the owner only.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/secrets/secrets_provider.hpp"

namespace hotel::secrets {

// Throws std::invalid_argument unless `name` is non-empty, made of [a-z0-9._-], and does not
// start with a dot (so never "." or "..", and never one of the store's temporary files).
void check_secret_name(std::string_view name);

// "jwt.signing-key" → "HOTEL_SECRET_JWT_SIGNING_KEY".
std::string secret_env_name(std::string_view name);

class FileSecretsProvider final : public SecretsProvider {
 public:
  // `env` holds the environment variables to consult (service::hotel_environment() in main).
  FileSecretsProvider(std::filesystem::path directory, std::map<std::string, std::string> env);

  // The environment's value when set, else the file's content; nullopt when neither exists.
  std::optional<std::string> get(const std::string& name) const override;
  // Writes <directory>/<name> with mode 0600 through a temporary file and rename, creating the
  // directory with mode 0700. An environment value for the name still wins on get().
  void put(const std::string& name, const std::string& value) override;

 private:
  std::filesystem::path directory_;
  std::map<std::string, std::string> env_;
};

}  // namespace hotel::secrets
