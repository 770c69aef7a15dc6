#include "services/hotels/images/image_processor.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace hotel::hotels::images {
namespace {

// libvips reports a bad upload's details as GLib warnings on stderr; the rejection already says
// what the client needs, so they are dropped.
void drop_log(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("hotel") != 0) throw std::runtime_error("libvips failed to initialise");
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, drop_log, nullptr);
    vips_block_untrusted_set(TRUE);  // no ImageMagick, PDF, SVG, ... loaders, whatever happens
    vips_cache_set_max(0);           // do not keep decoded uploads around
    vips_concurrency_set(1);         // the worker pool is the parallelism
  });
}

struct ImageDeleter {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageDeleter>;

struct BufferDeleter {
  void operator()(void* buffer) const { g_free(buffer); }
};

// libvips reports errors in a process-wide buffer; the text stays in our logs, not responses.
void clear_vips_error() { vips_error_clear(); }

ImagePtr load_header(ImageFormat format, std::string_view bytes) {
  auto* data = const_cast<char*>(bytes.data());  // libvips only reads the buffer
  VipsImage* image = nullptr;
  int status = -1;
  switch (format) {
    case ImageFormat::kJpeg:
      status = vips_jpegload_buffer(data, bytes.size(), &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                    "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr);
      break;
    case ImageFormat::kPng:
      status = vips_pngload_buffer(data, bytes.size(), &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                   "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr);
      break;
    case ImageFormat::kWebp:
      status = vips_webpload_buffer(data, bytes.size(), &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                    "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr);
      break;
  }
  if (status != 0) {
    clear_vips_error();
    return nullptr;
  }
  return ImagePtr(image);
}

// Decodes the whole image (shrink-on-load where the format allows) into a JPEG thumbnail.
// libvips 8.14's thumbnail_buffer does not pass its own fail_on to the loader: the loader
// option string does, and without it a truncated JPEG decodes "successfully" with grey rows.
std::optional<std::string> thumbnail_jpeg(std::string_view bytes, int width) {
  auto* data = const_cast<char*>(bytes.data());
  VipsImage* raw = nullptr;
  if (vips_thumbnail_buffer(data, bytes.size(), &raw, width, "height", VIPS_MAX_COORD, "size",
                            VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_TRUNCATED, "option_string",
                            "fail_on=truncated", nullptr) != 0) {
    clear_vips_error();
    return std::nullopt;
  }
  ImagePtr thumb(raw);
  if (vips_image_hasalpha(thumb.get())) {
    VipsImage* flat = nullptr;
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    const int status = vips_flatten(thumb.get(), &flat, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (status != 0) {
      clear_vips_error();
      return std::nullopt;
    }
    thumb.reset(flat);
  }
  void* out = nullptr;
  std::size_t size = 0;
  if (vips_jpegsave_buffer(thumb.get(), &out, &size, "Q", 80, "strip", TRUE, nullptr) != 0) {
    clear_vips_error();
    return std::nullopt;
  }
  std::unique_ptr<void, BufferDeleter> owned(out);
  return std::string(static_cast<const char*>(out), size);
}

ImageRejection reject(ImageRejection::Kind kind, std::string message) {
  return {kind, std::move(message)};
}

}  // namespace

std::optional<ImageFormat> sniff_format(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return ImageFormat::kJpeg;
  if (bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n") return ImageFormat::kPng;
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") {
    return ImageFormat::kWebp;
  }
  return std::nullopt;
}

std::string_view content_type_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::kJpeg:
      return "image/jpeg";
    case ImageFormat::kPng:
      return "image/png";
    case ImageFormat::kWebp:
      return "image/webp";
  }
  return "application/octet-stream";
}

std::optional<ImageFormat> format_of_content_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  type.erase(std::remove_if(type.begin(), type.end(),
                            [](unsigned char c) { return std::isspace(c) != 0; }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto format : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp}) {
    if (type == content_type_of(format)) return format;
  }
  return std::nullopt;
}

core::Result<ProcessedImage, ImageRejection> process_image(std::string_view bytes,
                                                           const ImageLimits& limits) {
  using Kind = ImageRejection::Kind;
  if (bytes.empty()) return core::fail(reject(Kind::kEmpty, "the file is empty"));
  if (bytes.size() > limits.max_bytes) {
    return core::fail(reject(
        Kind::kTooLarge, "the file is larger than " + std::to_string(limits.max_bytes) + " bytes"));
  }
  const auto format = sniff_format(bytes);
  if (!format) {
    return core::fail(reject(Kind::kUnsupported, "the content is not a JPEG, PNG or WebP image"));
  }
  init_vips();
  const auto header = load_header(*format, bytes);
  if (!header) {
    return core::fail(reject(Kind::kUndecodable, "the image header cannot be decoded"));
  }
  ProcessedImage image{
      *format, vips_image_get_width(header.get()), vips_image_get_height(header.get()), {}};
  const auto pixels = static_cast<std::int64_t>(image.width) * image.height;
  if (image.width > limits.max_width || image.height > limits.max_height ||
      pixels > limits.max_pixels) {
    return core::fail(reject(Kind::kTooManyPixels,
                             "the image is " + std::to_string(image.width) + "x" +
                                 std::to_string(image.height) + "; at most " +
                                 std::to_string(limits.max_width) + "x" +
                                 std::to_string(limits.max_height) + " and " +
                                 std::to_string(limits.max_pixels) + " pixels are accepted"));
  }
  auto thumbnail = thumbnail_jpeg(bytes, limits.thumbnail_width);
  if (!thumbnail) return core::fail(reject(Kind::kUndecodable, "the image data cannot be decoded"));
  image.thumbnail = std::move(*thumbnail);
  return image;
}

std::string solid_image(ImageFormat format, int width, int height, std::uint8_t red,
                        std::uint8_t green, std::uint8_t blue) {
  init_vips();
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y) {
    const double shade = 1.0 - 0.25 * y / std::max(1, height - 1);
    for (int x = 0; x < width; ++x) {
      auto* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 3];
      p[0] = static_cast<std::uint8_t>(red * shade);
      p[1] = static_cast<std::uint8_t>(green * shade);
      p[2] = static_cast<std::uint8_t>(blue * shade);
    }
  }
  ImagePtr image(vips_image_new_from_memory_copy(pixels.data(), pixels.size(), width, height, 3,
                                                 VIPS_FORMAT_UCHAR));
  if (!image) throw std::runtime_error("libvips cannot make an image");
  void* out = nullptr;
  std::size_t size = 0;
  int status = -1;
  switch (format) {
    case ImageFormat::kJpeg:
      status = vips_jpegsave_buffer(image.get(), &out, &size, "Q", 85, nullptr);
      break;
    case ImageFormat::kPng:
      status = vips_pngsave_buffer(image.get(), &out, &size, nullptr);
      break;
    case ImageFormat::kWebp:
      status = vips_webpsave_buffer(image.get(), &out, &size, nullptr);
      break;
  }
  if (status != 0) {
    clear_vips_error();
    throw std::runtime_error("libvips cannot encode an image");
  }
  std::unique_ptr<void, BufferDeleter> owned(out);
  return std::string(static_cast<const char*>(out), size);
}

}  // namespace hotel::hotels::images
