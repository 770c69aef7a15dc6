// BlobStore on the local filesystem: one file per blob under a root directory, the key as its
// relative path. A blob file starts with one line naming its content type, then the bytes.
// put writes a temporary file in the target directory, fsyncs it, renames it over the target and
// fsyncs the directory, so a crash leaves the old blob or the new one, never a torn file.
#pragma once

#include <filesystem>

#include "chassis/blob/blob_store.hpp"

namespace hotel::blob {

class FsBlobStore final : public BlobStore {
 public:
  // Creates `root` when missing.
  explicit FsBlobStore(std::filesystem::path root);

  void put(std::string_view key, std::string_view bytes, std::string_view content_type) override;
  std::optional<Blob> get(std::string_view key) const override;
  bool remove(std::string_view key) override;
  bool exists(std::string_view key) const override;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path path_of(std::string_view key) const;

  std::filesystem::path root_;
};

}  // namespace hotel::blob
