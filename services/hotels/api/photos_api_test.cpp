// Photo uploads and reads over HTTP, with real images and hostile ones.
#include <gtest/gtest.h>

#include "services/hotels/images/image_processor.hpp"
#include "services/hotels/testing/api_harness.hpp"
#include "services/hotels/testing/hotel_documents.hpp"

namespace hotel::hotels::api {
namespace {

using hotels::testing::ApiHarness;
using hotels::testing::Caller;
using images::ImageFormat;

constexpr const char* kBoundary = "----hotelTestBoundary7MA4YWxk";

std::string multipart(const std::string& filename, const std::string& type,
                      const std::string& bytes, const std::string& name = "photo") {
  return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
         "\"; filename=\"" + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes +
         "\r\n--" + kBoundary + "--\r\n";
}

class HotelsPhotosApiTest : public ::testing::Test {
 protected:
  HotelsPhotosApiTest() {
    auto document = hotels::testing::lisbon_document();
    document.erase("managers");
    id_ = api_.create(document);
  }

  http::testing::SimpleResponse upload(const std::string& filename, const std::string& type,
                                       const std::string& bytes) {
    return api_.call(Caller::kAdmin, "POST", "/v1/hotels/" + id_ + "/photos",
                     multipart(filename, type, bytes),
                     {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}});
  }
  std::string problem(const http::testing::SimpleResponse& response) {
    return std::to_string(response.status) + " " +
           std::string(ApiHarness::json(response).at("field").as_string());
  }

  ApiHarness api_;
  std::string id_;
  const std::string jpeg_ = images::solid_image(ImageFormat::kJpeg, 640, 480, 200, 30, 30);
};

TEST_F(HotelsPhotosApiTest, UploadThenServeWithContentTypeEtagAndCaching) {
  const auto created = upload("lobby.jpg", "image/jpeg", jpeg_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("ETag"), "\"2\"");  // the hotel's new version
  const auto photo = ApiHarness::json(created).at("photo").as_object();
  EXPECT_EQ(photo.at("content_type"), "image/jpeg");
  EXPECT_EQ(photo.at("width"), 640);
  EXPECT_EQ(photo.at("height"), 480);
  EXPECT_EQ(photo.at("order"), 0);

  const auto url = std::string(photo.at("url").as_string());
  const auto served = api_.call(Caller::kAnonymous, "GET", url);  // public
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body, jpeg_);
  EXPECT_EQ(served.header("Content-Type"), "image/jpeg");
  EXPECT_EQ(served.header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(served.header("X-Content-Type-Options"), "nosniff");
  const auto etag = served.header("ETag");
  const auto plain = url.substr(0, url.find('?'));
  EXPECT_EQ(api_.call(Caller::kAnonymous, "GET", plain).header("Cache-Control"),
            "public, max-age=300");
  const auto revalidated =
      api_.call(Caller::kAnonymous, "GET", plain, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.body.empty());

  const auto thumbnail =
      api_.call(Caller::kAnonymous, "GET", std::string(photo.at("thumbnail_url").as_string()));
  ASSERT_EQ(thumbnail.status, 200);
  EXPECT_EQ(thumbnail.header("Content-Type"), "image/jpeg");
  const auto small = images::process_image(thumbnail.body);
  ASSERT_TRUE(small);
  EXPECT_EQ(small->width, 320);

  const auto hotel = ApiHarness::json(api_.call(Caller::kAdmin, "GET", "/v1/hotels/" + id_));
  EXPECT_EQ(hotel.at("photos").as_array().size(), 1u);
  const auto& events = api_.database.events();
  EXPECT_EQ(events.back().type, "hotel.updated");
  EXPECT_EQ(events.back().data.at("photos").as_array()[0].at("url"), photo.at("url"));
}

TEST_F(HotelsPhotosApiTest, EveryFormatByContentUnderGeneratedKeys) {
  for (const auto format : {ImageFormat::kPng, ImageFormat::kWebp}) {
    const auto bytes = images::solid_image(format, 100, 80, 1, 2, 3);
    const auto response = upload("x.bin", "application/octet-stream", bytes);
    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_EQ(ApiHarness::json(response).at("photo").at("content_type").as_string(),
              images::content_type_of(format));
  }
  // A path-traversal file name is only ever a name: the key is generated.
  const auto traversal = upload("../../etc/passwd.jpg", "image/jpeg", jpeg_);
  ASSERT_EQ(traversal.status, 201) << traversal.body;
  for (const auto& key : {std::string("etc/passwd.jpg"), std::string("passwd.jpg")}) {
    EXPECT_FALSE(api_.blobs.exists(key));
  }
  EXPECT_EQ(api_.blobs.size(), 6u);
}

TEST_F(HotelsPhotosApiTest, HostileUploadsAreRefused) {
  EXPECT_EQ(problem(upload("shell.jpg", "image/jpeg", "<?php system($_GET['c']); ?>")),
            "415 photo");
  EXPECT_EQ(problem(upload("empty.jpg", "image/jpeg", "")), "400 photo");
  EXPECT_EQ(problem(upload("half.jpg", "image/jpeg", jpeg_.substr(0, jpeg_.size() / 2))),
            "400 photo");
  EXPECT_EQ(problem(upload("lies.png", "image/png", jpeg_)), "415 Content-Type");
  const auto bomb = images::solid_image(ImageFormat::kPng, 9000, 10, 0, 0, 0);
  EXPECT_EQ(problem(upload("wide.png", "image/png", bomb)), "400 photo");
  EXPECT_EQ(problem(api_.call(
                Caller::kAdmin, "POST", "/v1/hotels/" + id_ + "/photos",
                multipart("a.jpg", "image/jpeg", jpeg_, "file"),
                {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}})),
            "400 file");
  EXPECT_EQ(
      problem(api_.call(Caller::kAdmin, "POST", "/v1/hotels/" + id_ + "/photos", "--x\r\nbroken",
                        {{"Content-Type", "multipart/form-data; boundary=x"}})),
      "400 body");
  EXPECT_EQ(api_.call(Caller::kAdmin, "POST", "/v1/hotels/" + id_ + "/photos", jpeg_,
                      {{"Content-Type", "image/jpeg"}})
                .status,
            415);
  // Refused from Content-Length, before the body is read.
  const auto too_big = http::testing::raw_exchange(
      api_.port(), "PUT /v1/hotels/" + id_ + "/photos/big HTTP/1.1\r\nHost: x\r\n" +
                       "Authorization: Bearer " + api_.token(Caller::kAdmin) +
                       "\r\nContent-Type: image/jpeg\r\nContent-Length: " +
                       std::to_string((10 << 20) + 1) + "\r\n\r\n");
  EXPECT_EQ(http::testing::raw_status(too_big), 413);
  EXPECT_EQ(api_.blobs.size(), 0u);
  EXPECT_EQ(api_.database.events().size(), 1u);  // only hotel.created
}

TEST_F(HotelsPhotosApiTest, PutBytesCreatesThenReplacesAndPhotosReorderAndGo) {
  const auto target = "/v1/hotels/" + id_ + "/photos/";
  const auto png = images::solid_image(ImageFormat::kPng, 64, 64, 0, 90, 0);
  EXPECT_EQ(
      api_.call(Caller::kAdmin, "PUT", target + "front", jpeg_, {{"Content-Type", "image/jpeg"}})
          .status,
      201);
  EXPECT_EQ(api_.call(Caller::kAdmin, "PUT", target + "pool", png, {{"Content-Type", "image/png"}})
                .status,
            201);
  const auto replaced = api_.call(Caller::kAdmin, "PUT", target + "front", png,
                                  {{"Content-Type", "image/png"}, {"If-Match", "\"3\""}});
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(api_.call(Caller::kAnonymous, "GET", target + "front").body, png);
  EXPECT_EQ(
      api_.call(Caller::kAdmin, "PUT", target + "bad.name", png, {{"Content-Type", "image/png"}})
          .status,
      400);
  EXPECT_EQ(api_.call(Caller::kAdmin, "PUT", target + "x", png,
                      {{"Content-Type", "image/png"}, {"If-Match", "\"1\""}})
                .status,
            412);

  const auto order_target = "/v1/hotels/" + id_ + "/photo-order";
  EXPECT_EQ(problem(api_.call(Caller::kAdmin, "PUT", order_target, R"({"photos": ["pool"]})")),
            "400 photos");
  const auto reordered =
      api_.call(Caller::kAdmin, "PUT", order_target, R"({"photos": ["pool", "front"]})");
  ASSERT_EQ(reordered.status, 200) << reordered.body;
  EXPECT_EQ(ApiHarness::json(reordered).at("photos").as_array()[0].at("id"), "pool");

  EXPECT_EQ(api_.call(Caller::kAdmin, "DELETE", target + "pool").status, 200);
  EXPECT_EQ(api_.call(Caller::kAnonymous, "GET", target + "pool").status, 404);
  EXPECT_EQ(api_.call(Caller::kAdmin, "DELETE", target + "pool").status, 404);
  EXPECT_EQ(api_.blobs.size(), 2u);  // front's current original and thumbnail
  EXPECT_EQ(
      api_.call(Caller::kAdmin, "DELETE", "/v1/hotels/" + id_, {}, {{"If-Match", "\"6\""}}).status,
      204);
  EXPECT_EQ(api_.call(Caller::kAnonymous, "GET", target + "front").status, 404);
}

}  // namespace
}  // namespace hotel::hotels::api
