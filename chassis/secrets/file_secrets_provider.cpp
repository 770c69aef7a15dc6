#include "chassis/secrets/file_secrets_provider.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace hotel::secrets {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Closes the descriptor and removes the temporary file unless the rename happened.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& directory)
      : path_((directory / ".secret.XXXXXX").string()) {
    fd_ = ::mkstemp(path_.data());  // mode 0600
    if (fd_ < 0) throw_errno("cannot create a temporary file in " + directory.string());
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write_all(std::string_view data) {
    while (!data.empty()) {
      const auto written = ::write(fd_, data.data(), data.size());
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) throw_errno("cannot write " + path_);
      data.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(fd_) != 0) throw_errno("cannot sync " + path_);
  }

  void rename_to(const std::filesystem::path& target) {
    if (::close(std::exchange(fd_, -1)) != 0) throw_errno("cannot close " + path_);
    if (::rename(path_.c_str(), target.c_str()) != 0)
      throw_errno("cannot rename to " + target.string());
    renamed_ = true;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool renamed_ = false;
};

void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;  // the rename is done; durability of the entry is best effort
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void check_secret_name(std::string_view name) {
  const bool allowed_chars = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  if (name.empty() || !allowed_chars || name.front() == '.') {
    throw std::invalid_argument("invalid secret name '" + std::string(name) +
                                "' (use a-z, 0-9, '.', '_', '-', not starting with '.')");
  }
}

std::string secret_env_name(std::string_view name) {
  auto env = "HOTEL_SECRET_" + boost::algorithm::to_upper_copy(std::string(name));
  std::replace_if(
      env.begin(), env.end(), [](char c) { return c == '.' || c == '-'; }, '_');
  return env;
}

FileSecretsProvider::FileSecretsProvider(std::filesystem::path directory,
                                         std::map<std::string, std::string> env)
    : directory_(std::move(directory)), env_(std::move(env)) {}

std::optional<std::string> FileSecretsProvider::get(const std::string& name) const {
  check_secret_name(name);
  if (const auto it = env_.find(secret_env_name(name)); it != env_.end()) return it->second;
  const auto path = directory_ / name;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    if (error) throw std::filesystem::filesystem_error("cannot read secret", path, error);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read secret " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void FileSecretsProvider::put(const std::string& name, const std::string& value) {
  check_secret_name(name);
  if (std::filesystem::create_directories(directory_)) {
    std::filesystem::permissions(directory_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
  }
  TempFile temp(directory_);
  temp.write_all(value);
  temp.rename_to(directory_ / name);
  sync_directory(directory_);
}

}  // namespace hotel::secrets
