#include "services/hotels/application/photo_files.hpp"

#include <openssl/evp.h>

#include "chassis/core/ids.hpp"

namespace hotel::hotels::application {
namespace {

std::string_view extension_of(images::ImageFormat format) {
  switch (format) {
    case images::ImageFormat::kJpeg:
      return ".jpg";
    case images::ImageFormat::kPng:
      return ".png";
    case images::ImageFormat::kWebp:
      return ".webp";
  }
  return "";
}

}  // namespace

std::string content_etag(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < 16 && i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

domain::Photo store_photo_files(blob::BlobStore& blobs, const std::string& hotel_id,
                                std::string photo_id, std::string_view bytes,
                                const images::ProcessedImage& image) {
  const std::string base = "photos/" + hotel_id + "/" + core::uuid_v4();
  domain::Photo photo{std::move(photo_id),
                      std::string(images::content_type_of(image.format)),
                      image.width,
                      image.height,
                      static_cast<std::int64_t>(bytes.size()),
                      content_etag(bytes),
                      base + std::string(extension_of(image.format)),
                      base + "-thumb.jpg"};
  blobs.put(photo.blob_key, bytes, photo.content_type);
  try {
    blobs.put(photo.thumbnail_key, image.thumbnail, "image/jpeg");
  } catch (...) {
    remove_photo_files(blobs, photo);
    throw;
  }
  return photo;
}

void remove_photo_files(blob::BlobStore& blobs, const domain::Photo& photo) noexcept {
  for (const auto* key : {&photo.blob_key, &photo.thumbnail_key}) {
    try {
      blobs.remove(*key);
    } catch (...) {  // NOLINT(bugprone-empty-catch): orphaned blobs are harmless
    }
  }
}

}  // namespace hotel::hotels::application
