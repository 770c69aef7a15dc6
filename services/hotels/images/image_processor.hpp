// Photo validation by content, and thumbnails, with libvips.
//
// An upload is accepted only when (1) its first bytes are the magic of JPEG, PNG or WebP (never
// the client's file name or declared type), (2) that format's own libvips loader decodes its
// header, (3) the declared dimensions are within limits (before any pixel is decoded: this is
// what stops decompression bombs), and (4) the whole image decodes into a thumbnail with libvips
// set to fail on truncated data. Only the three loaders are ever called, and libvips' untrusted
// loaders (ImageMagick, PDF, SVG, ...) are blocked process-wide.
//
// Everything here is CPU-bound and blocking: call it on the worker pool, never on an I/O thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/core/result.hpp"

namespace hotel::hotels::images {

enum class ImageFormat { kJpeg, kPng, kWebp };

// The format named by the first bytes, nullopt for anything else.
std::optional<ImageFormat> sniff_format(std::string_view bytes);
std::string_view content_type_of(ImageFormat format);  // "image/jpeg", ...
// The format of a media type ("image/jpeg"; parameters and case are ignored), nullopt otherwise.
std::optional<ImageFormat> format_of_content_type(std::string_view content_type);

struct ImageLimits {
  std::size_t max_bytes = 10 << 20;
  int max_width = 8000;
  int max_height = 8000;
  std::int64_t max_pixels = 40'000'000;
  int thumbnail_width = 320;
};

struct ProcessedImage {
  ImageFormat format;
  int width = 0;
  int height = 0;
  std::string thumbnail;  // JPEG, thumbnail_width wide (or narrower when the image is)
};

struct ImageRejection {
  enum class Kind {
    kEmpty,          // zero bytes
    kTooLarge,       // more than max_bytes
    kUnsupported,    // not JPEG, PNG or WebP by content
    kTooManyPixels,  // dimensions over the limits
    kUndecodable,    // the right magic, but the data does not decode (truncated, corrupt)
  };
  Kind kind;
  std::string message;  // for the client; no library internals
};

core::Result<ProcessedImage, ImageRejection> process_image(std::string_view bytes,
                                                           const ImageLimits& limits = {});

// An image of `width` x `height` in one colour with a soft vertical shade, encoded as `format`
// (demo data and tests).
std::string solid_image(ImageFormat format, int width, int height, std::uint8_t red,
                        std::uint8_t green, std::uint8_t blue);

}  // namespace hotel::hotels::images
