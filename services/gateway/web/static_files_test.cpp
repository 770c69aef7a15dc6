#include "services/gateway/web/static_files.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>
#include <fstream>

#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::gateway::web {
namespace {

namespace fs = std::filesystem;

class GatewayStaticFiles : public ::testing::Test {
 protected:
  GatewayStaticFiles() {
    runtime_.start();
    fs::create_directories(root() / "assets");
    write(root() / "index.html", "<!doctype html><title>Hotel</title>");
    write(root() / "assets" / "app.3f9a1c2b.js", "console.log(1)");
    write(root() / "assets" / "index.html", "<p>assets</p>");
    write(secret_.path() / "secret.txt", "top secret");
  }
  ~GatewayStaticFiles() override { runtime_.stop(); }

  fs::path root() const { return dir_.path() / "web"; }
  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }

  http::Response get(std::string target, std::string relative,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::Request request;
    request.target = target;
    request.path = "/hotel/" + relative;  // as the server decodes it
    for (auto& [name, value] : headers) request.headers.add(name, value);
    return boost::asio::co_spawn(runtime_.io(), files_.serve(request, std::move(relative)),
                                 boost::asio::use_future)
        .get();
  }
  int status_of(std::string target, std::string relative) {
    try {
      return get(std::move(target), std::move(relative)).status;
    } catch (const http::HttpError& error) {
      return error.status();
    }
  }

  store::testing::TempDir dir_;
  store::testing::TempDir secret_;
  core::Runtime runtime_{1, 1};
  StaticFiles files_{dir_.path() / "web", runtime_};
};

TEST_F(GatewayStaticFiles, ServesIndexWithStrongEtagAndNoCache) {
  const auto response = get("/hotel/", "");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<!doctype html><title>Hotel</title>");
  EXPECT_EQ(response.headers.get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.headers.get("Cache-Control"), "no-cache");
  const auto etag = response.headers.get_or("ETag", "");
  ASSERT_EQ(etag.size(), 34u);
  EXPECT_EQ(etag.front(), '"') << "strong";
  const auto again = get("/hotel/", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.headers.get("ETag"), etag);
}

TEST_F(GatewayStaticFiles, HashedAssetsAreCachedForAYear) {
  const auto response = get("/hotel/assets/app.3f9a1c2b.js", "assets/app.3f9a1c2b.js");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(GatewayStaticFiles, AChangedFileGetsANewEtag) {
  const auto before = get("/hotel/index.html", "index.html").headers.get_or("ETag", "");
  write(root() / "index.html", "<!doctype html><title>Hotel 2</title>, longer");
  const auto after = get("/hotel/index.html", "index.html");
  EXPECT_EQ(after.body, "<!doctype html><title>Hotel 2</title>, longer");
  EXPECT_NE(after.headers.get_or("ETag", ""), before);
  EXPECT_EQ(get("/hotel/index.html", "index.html", {{"If-None-Match", before}}).status, 200);
}

TEST_F(GatewayStaticFiles, DirectoriesRedirectToTheirSlash) {
  const auto response = get("/hotel/assets", "assets");
  EXPECT_EQ(response.status, 302);
  EXPECT_EQ(response.headers.get("Location"), "/hotel/assets/");
  EXPECT_EQ(get("/hotel/assets/", "assets/").body, "<p>assets</p>");
}

TEST_F(GatewayStaticFiles, NeverLeavesTheRoot) {
  EXPECT_EQ(status_of("/hotel/missing.js", "missing.js"), 404);
  EXPECT_EQ(status_of("/hotel/../secret.txt", "../secret.txt"), 400);
  EXPECT_EQ(status_of("/hotel/%2e%2e/secret.txt", "../secret.txt"), 400);
  EXPECT_EQ(status_of("/hotel/..%2fsecret.txt", "../secret.txt"), 400);
  EXPECT_EQ(status_of("/hotel/a%00.html", std::string("a\0.html", 7)), 400);
  // An absolute path below /hotel/ stays below the root.
  const auto absolute = (secret_.path() / "secret.txt").string();
  EXPECT_EQ(status_of("/hotel/" + absolute, absolute), 404);
  fs::create_symlink(secret_.path() / "secret.txt", root() / "link.txt");
  EXPECT_EQ(status_of("/hotel/link.txt", "link.txt"), 404) << "symlinks pointing out";
}

TEST_F(GatewayStaticFiles, MissingRootIsNotFound) {
  StaticFiles none(dir_.path() / "nothing", runtime_);
  http::Request request;
  request.target = request.path = "/hotel/";
  EXPECT_THROW(
      boost::asio::co_spawn(runtime_.io(), none.serve(request, ""), boost::asio::use_future).get(),
      http::NotFound);
}

}  // namespace
}  // namespace hotel::gateway::web
