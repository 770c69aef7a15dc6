#include "chassis/secrets/file_secrets_provider.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "chassis/secrets/testing/memory_secrets.hpp"

namespace hotel::secrets {
namespace {

namespace fs = std::filesystem;

class FileSecrets : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("hotel-secrets-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    directory_ = root_ / "secrets";
  }
  void TearDown() override { fs::remove_all(root_); }
  static unsigned mode_of(const fs::path& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0);
    return info.st_mode & 0777;
  }
  fs::path root_;
  fs::path directory_;
};

TEST_F(FileSecrets, MissingSecretIsNullopt) {
  const FileSecretsProvider provider(directory_, {});
  EXPECT_EQ(provider.get("jwt.key"), std::nullopt);
}

TEST_F(FileSecrets, PutCreatesPrivateDirectoryAndFile) {
  FileSecretsProvider provider(directory_, {});
  provider.put("jwt.signing-key", std::string("-----BEGIN\0KEY\n", 15));
  EXPECT_EQ(provider.get("jwt.signing-key"), std::string("-----BEGIN\0KEY\n", 15));
  EXPECT_EQ(mode_of(directory_), 0700u);
  EXPECT_EQ(mode_of(directory_ / "jwt.signing-key"), 0600u);

  provider.put("jwt.signing-key", "rotated");
  EXPECT_EQ(provider.get("jwt.signing-key"), "rotated");
  // Only the secret itself is left: no temporary files.
  EXPECT_EQ(std::distance(fs::directory_iterator(directory_), fs::directory_iterator()), 1);
}

TEST_F(FileSecrets, EnvironmentWinsOverFile) {
  fs::create_directories(directory_);
  std::ofstream(directory_ / "smtp.password") << "from-file";
  const FileSecretsProvider with_env(directory_, {{"HOTEL_SECRET_SMTP_PASSWORD", "from-env"}});
  EXPECT_EQ(with_env.get("smtp.password"), "from-env");
  const FileSecretsProvider without_env(directory_, {});
  EXPECT_EQ(without_env.get("smtp.password"), "from-file");
}

TEST_F(FileSecrets, RejectsUnsafeNames) {
  FileSecretsProvider provider(directory_, {});
  for (const auto& name : std::vector<std::string>{"", ".", "..", "../etc/passwd", "a/b", ".hidden",
                                                   "Upper", "sp ace", std::string("nul\0", 4)}) {
    EXPECT_THROW(provider.get(name), std::invalid_argument) << name;
    EXPECT_THROW(provider.put(name, "x"), std::invalid_argument) << name;
  }
  EXPECT_FALSE(fs::exists(directory_));
}

TEST(SecretNames, EnvName) {
  EXPECT_EQ(secret_env_name("jwt.signing-key"), "HOTEL_SECRET_JWT_SIGNING_KEY");
  EXPECT_NO_THROW(check_secret_name("client_secret-2.v1"));
}

TEST(MemorySecretsTest, StoresAndCanBeReadOnly) {
  testing::MemorySecrets secrets(std::map<std::string, std::string>{{"a", "1"}});
  EXPECT_EQ(secrets.get("a"), "1");
  secrets.put("b", "2");
  EXPECT_EQ(secrets.get("b"), "2");
  secrets.set_read_only(true);
  EXPECT_THROW(secrets.put("c", "3"), std::runtime_error);
  EXPECT_EQ(secrets.puts(), 1);
}

}  // namespace
}  // namespace hotel::secrets
