// A photo's files in the blob store: the original as uploaded and its JPEG thumbnail, under keys
// generated here ("photos/<hotel id>/<random uuid>.<ext>"), never from a client's file name, so
// uploads never overwrite each other.
#pragma once

#include <string>
#include <string_view>

#include "chassis/blob/blob_store.hpp"
#include "services/hotels/domain/hotel.hpp"
#include "services/hotels/images/image_processor.hpp"

namespace hotel::hotels::application {

// Stores both files of an accepted image and returns the photo referring to them. On failure
// nothing stays stored and the error propagates.
domain::Photo store_photo_files(blob::BlobStore& blobs, const std::string& hotel_id,
                                std::string photo_id, std::string_view bytes,
                                const images::ProcessedImage& image);

// Removes both files; a failure is ignored (an unreferenced blob is harmless).
void remove_photo_files(blob::BlobStore& blobs, const domain::Photo& photo) noexcept;

// The ETag of a photo's bytes: the first 128 bits of their SHA-256, in hex.
std::string content_etag(std::string_view bytes);

}  // namespace hotel::hotels::application
