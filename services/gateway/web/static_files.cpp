#include "services/gateway/web/static_files.hpp"

#include <fstream>
#include <sstream>

#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "services/gateway/routing/path_safety.hpp"
#include "services/gateway/web/content_types.hpp"
#include "services/gateway/web/etag.hpp"

namespace hotel::gateway::web {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxCachedBytes = 64u << 20;
constexpr std::size_t kMaxFileBytes = 32u << 20;

bool inside(const fs::path& root, const fs::path& path) {
  auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

}  // namespace

struct StaticFiles::File {
  std::string content;
  std::string etag;
  std::string content_type;
  std::string cache_control;
  fs::file_time_type modified;
  std::uintmax_t size = 0;
};

StaticFiles::StaticFiles(fs::path root, core::Runtime& runtime)
    : root_(std::move(root)), runtime_(runtime) {}

StaticFiles::~StaticFiles() = default;

std::optional<fs::path> StaticFiles::resolve(const std::string& relative) const {
  std::error_code error;
  const fs::path root = fs::canonical(root_, error);
  if (error) return std::nullopt;
  const fs::path path = fs::canonical(root / fs::path(relative).relative_path(), error);
  if (error || !inside(root, path)) return std::nullopt;  // symlinks included
  return path;
}

http::Task<std::shared_ptr<const StaticFiles::File>> StaticFiles::load(const fs::path& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  const auto modified = fs::last_write_time(path, error);
  if (error || size > kMaxFileBytes) throw http::NotFound("no such file");
  {
    std::lock_guard lock(mutex_);
    if (auto found = cache_.find(path.string()); found != cache_.end()) {
      if (found->second->size == size && found->second->modified == modified) {
        co_return found->second;
      }
    }
  }
  auto file = co_await runtime_.call([&]() -> std::shared_ptr<File> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream text;
    text << in.rdbuf();
    auto loaded = std::make_shared<File>();
    loaded->content = std::move(text).str();
    loaded->etag = strong_etag(loaded->content);
    const auto name = path.filename().string();
    loaded->content_type = std::string(content_type_for(name));
    loaded->cache_control = std::string(cache_control_for(name));
    loaded->modified = modified;
    loaded->size = loaded->content.size();
    return loaded;
  });
  if (!file) throw http::NotFound("no such file");
  std::lock_guard lock(mutex_);
  if (cached_bytes_ + file->size > kMaxCachedBytes) {
    cache_.clear();
    cached_bytes_ = 0;
  }
  auto& slot = cache_[path.string()];
  if (slot) cached_bytes_ -= slot->size;
  slot = file;
  cached_bytes_ += file->size;
  co_return file;
}

http::Task<http::Response> StaticFiles::serve(const http::Request& request, std::string relative) {
  routing::require_safe_path(request);
  if (relative.empty() || relative.ends_with('/')) relative += "index.html";
  auto path = resolve(relative);
  if (!path) throw http::NotFound("no such file");
  if (fs::is_directory(*path)) {
    if (!fs::is_regular_file(*path / "index.html")) throw http::NotFound("no such file");
    http::Response redirect = http::Response::empty(302);
    // The raw path, still percent-encoded: the decoded one could hold CR or LF.
    redirect.headers.set("Location", request.target.substr(0, request.target.find('?')) + "/");
    co_return redirect;
  }
  if (!fs::is_regular_file(*path)) throw http::NotFound("no such file");
  const auto file = co_await load(*path);
  http::Response response;
  if (auto tags = request.headers.get("If-None-Match");
      tags && none_match_hits(*tags, file->etag)) {
    response.status = 304;
  } else {
    response.status = 200;
    response.body = file->content;
    response.headers.set("Content-Type", file->content_type);
  }
  response.headers.set("ETag", file->etag);
  response.headers.set("Cache-Control", file->cache_control);
  co_return response;
}

}  // namespace hotel::gateway::web
