// The web UI's files under one root directory: strong ETags from the content, 304 for a
// matching If-None-Match, Cache-Control per file kind, content types from the extension. A path
// leaving the root in any way (dot segments, encoded slashes, NUL, symlinks pointing out) is
// refused. Files are read on the worker pool and kept in memory while unchanged.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "chassis/http/router.hpp"

namespace hotel::core {
class Runtime;
}

namespace hotel::gateway::web {

class StaticFiles {
 public:
  // `root` may not exist yet: until it does, every file is 404. The runtime outlives this.
  StaticFiles(std::filesystem::path root, core::Runtime& runtime);
  ~StaticFiles();
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  // Answers with the file at `relative` below the root ("" or a trailing '/' means the
  // directory's index.html; a directory without the slash is redirected to it).
  http::Task<http::Response> serve(const http::Request& request, std::string relative);

 private:
  struct File;
  // The canonical path of `relative` inside the root; nullopt when it is missing or outside.
  std::optional<std::filesystem::path> resolve(const std::string& relative) const;
  http::Task<std::shared_ptr<const File>> load(const std::filesystem::path& path);

  const std::filesystem::path root_;
  core::Runtime& runtime_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const File>> cache_;  // by canonical path
  std::size_t cached_bytes_ = 0;
};

}  // namespace hotel::gateway::web
