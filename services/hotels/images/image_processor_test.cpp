#include "services/hotels/images/image_processor.hpp"

#include <gtest/gtest.h>

#include <array>

namespace hotel::hotels::images {
namespace {

using Kind = ImageRejection::Kind;
using namespace std::string_view_literals;

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= static_cast<std::uint8_t>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string png_chunk(std::string_view type, std::string_view data) {
  const std::string body = std::string(type) + std::string(data);
  return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc32(body));
}

// A PNG whose header declares width x height RGB pixels, followed by a tiny IDAT: what a
// decompression bomb looks like before anything is inflated.
std::string png_declaring(std::uint32_t width, std::uint32_t height) {
  const std::string ihdr = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) +
         png_chunk("IDAT", std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) +
         png_chunk("IEND", "");
}

Kind rejection(std::string_view bytes, const ImageLimits& limits = {}) {
  const auto result = process_image(bytes, limits);
  EXPECT_FALSE(result);
  return result ? Kind::kEmpty : result.error().kind;
}

TEST(HotelsImagesTest, SniffsByContent) {
  EXPECT_EQ(sniff_format("\xFF\xD8\xFF\xE0rest"), ImageFormat::kJpeg);
  EXPECT_EQ(sniff_format(std::string("\x89PNG\r\n\x1a\n", 8)), ImageFormat::kPng);
  EXPECT_EQ(sniff_format("RIFF\x10\0\0\0WEBPVP8 "sv), ImageFormat::kWebp);
  EXPECT_FALSE(sniff_format("RIFF\x10\0\0\0WAVE"sv));
  EXPECT_FALSE(sniff_format("GIF89a"));
  EXPECT_FALSE(sniff_format(""));
  EXPECT_EQ(format_of_content_type("Image/JPEG; q=1"), ImageFormat::kJpeg);
  EXPECT_EQ(format_of_content_type("image/webp"), ImageFormat::kWebp);
  EXPECT_FALSE(format_of_content_type("image/gif"));
}

TEST(HotelsImagesTest, AcceptsRealImagesAndMakesThumbnails) {
  for (const auto format : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp}) {
    const auto bytes = solid_image(format, 960, 640, 200, 120, 40);
    EXPECT_EQ(sniff_format(bytes), format);
    const auto image = process_image(bytes);
    ASSERT_TRUE(image) << image.error().message;
    EXPECT_EQ(image->format, format);
    EXPECT_EQ(image->width, 960);
    EXPECT_EQ(image->height, 640);
    EXPECT_EQ(sniff_format(image->thumbnail), ImageFormat::kJpeg);
    const auto thumbnail = process_image(image->thumbnail);
    ASSERT_TRUE(thumbnail);
    EXPECT_EQ(thumbnail->width, 320);
    EXPECT_EQ(thumbnail->height, 213);
  }
}

TEST(HotelsImagesTest, SmallImagesAreNotEnlarged) {
  const auto image = process_image(solid_image(ImageFormat::kPng, 100, 40, 1, 2, 3));
  ASSERT_TRUE(image);
  EXPECT_EQ(process_image(image->thumbnail)->width, 100);
}

TEST(HotelsImagesTest, RefusesHostileFiles) {
  EXPECT_EQ(rejection(""), Kind::kEmpty);
  EXPECT_EQ(rejection("<?php system($_GET['c']); ?>"), Kind::kUnsupported);
  EXPECT_EQ(rejection("GIF89a\x01\x00\x01\x00"), Kind::kUnsupported);
  EXPECT_EQ(rejection("\xFF\xD8\xFF<?php echo 1; ?>"), Kind::kUndecodable);  // magic alone

  const auto jpeg = solid_image(ImageFormat::kJpeg, 640, 480, 10, 200, 10);
  EXPECT_EQ(rejection(std::string_view(jpeg).substr(0, jpeg.size() / 2)), Kind::kUndecodable);
  const auto png = solid_image(ImageFormat::kPng, 640, 480, 10, 200, 10);
  EXPECT_EQ(rejection(std::string_view(png).substr(0, png.size() - 30)), Kind::kUndecodable);
  const auto webp = solid_image(ImageFormat::kWebp, 640, 480, 10, 200, 10);
  EXPECT_EQ(rejection(std::string_view(webp).substr(0, webp.size() / 2)), Kind::kUndecodable);
}

TEST(HotelsImagesTest, RefusesDecompressionBombsFromTheHeader) {
  const auto bomb = png_declaring(100'000, 100'000);
  EXPECT_LT(bomb.size(), 100u);
  const auto result = process_image(bomb);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, Kind::kTooManyPixels);
  EXPECT_NE(result.error().message.find("100000x100000"), std::string::npos);
  EXPECT_EQ(rejection(png_declaring(8001, 10)), Kind::kTooManyPixels);
  EXPECT_EQ(rejection(png_declaring(8000, 6000)), Kind::kTooManyPixels);  // 48 megapixels
}

TEST(HotelsImagesTest, EnforcesConfiguredLimits) {
  const auto bytes = solid_image(ImageFormat::kJpeg, 200, 100, 0, 0, 0);
  ImageLimits limits;
  limits.max_bytes = bytes.size() - 1;
  EXPECT_EQ(rejection(bytes, limits), Kind::kTooLarge);
  limits = {};
  limits.max_width = 199;
  EXPECT_EQ(rejection(bytes, limits), Kind::kTooManyPixels);
  limits = {};
  limits.max_pixels = 19'999;
  EXPECT_EQ(rejection(bytes, limits), Kind::kTooManyPixels);
}

}  // namespace
}  // namespace hotel::hotels::images
