#include "chassis/blob/fs_blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "chassis/core/ids.hpp"

namespace hotel::blob {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

void write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const auto written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw_errno("cannot write", path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void fsync_directory(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throw_errno("cannot open directory", dir);
  if (::fsync(fd.get()) != 0) throw_errno("cannot fsync directory", dir);
}

bool valid_content_type(std::string_view type) {
  if (type.empty() || type.size() > 255) return false;
  for (const char c : type) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

FsBlobStore::FsBlobStore(fs::path root) : root_(std::move(root)) { fs::create_directories(root_); }

fs::path FsBlobStore::path_of(std::string_view key) const {
  if (!valid_key(key)) throw InvalidKey(key);
  return root_ / fs::path(std::string(key));
}

void FsBlobStore::put(std::string_view key, std::string_view bytes, std::string_view content_type) {
  const auto path = path_of(key);
  if (!valid_content_type(content_type)) {
    throw std::invalid_argument("invalid blob content type");
  }
  const auto dir = path.parent_path();
  fs::create_directories(dir);
  auto temp = path;
  temp += ".tmp-" + core::random_hex(8);
  {
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw_errno("cannot create", temp);
    try {
      write_all(fd.get(), content_type, temp);
      write_all(fd.get(), "\n", temp);
      write_all(fd.get(), bytes, temp);
      if (::fsync(fd.get()) != 0) throw_errno("cannot fsync", temp);
      if (::close(fd.release()) != 0) throw_errno("cannot close", temp);
    } catch (...) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      throw;
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::error_code ignored;
    fs::remove(temp, ignored);
    errno = error;
    throw_errno("cannot rename into", path);
  }
  fsync_directory(dir);
}

std::optional<Blob> FsBlobStore::get(std::string_view key) const {
  const auto path = path_of(key);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!fs::exists(path)) return std::nullopt;
    throw std::runtime_error("cannot read blob " + path.string());
  }
  Blob blob;
  if (!std::getline(in, blob.content_type)) {
    throw std::runtime_error("blob without a content type line: " + path.string());
  }
  blob.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read blob " + path.string());
  return blob;
}

bool FsBlobStore::remove(std::string_view key) { return fs::remove(path_of(key)); }

bool FsBlobStore::exists(std::string_view key) const { return fs::is_regular_file(path_of(key)); }

}  // namespace hotel::blob
