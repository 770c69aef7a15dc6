#include "services/gateway/web/content_types.hpp"

#include <gtest/gtest.h>

#include "services/gateway/web/etag.hpp"

namespace hotel::gateway::web {
namespace {

TEST(GatewayContentTypes, ByExtension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("app.3f9a1c2b.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("site.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
  EXPECT_EQ(content_type_for("x.exe"), "application/octet-stream");
}

TEST(GatewayContentTypes, HashedAssetsAreImmutable) {
  EXPECT_TRUE(is_hashed_asset("app.3f9a1c2b.js"));
  EXPECT_TRUE(is_hashed_asset("logo-5d41402abc4b2a76.svg"));
  EXPECT_FALSE(is_hashed_asset("app.js"));
  EXPECT_FALSE(is_hashed_asset("app.3f9a1c.js")) << "too short to be a hash";
  EXPECT_FALSE(is_hashed_asset("app.deadbeez.js"));
  EXPECT_EQ(cache_control_for("index.html"), "no-cache");
  EXPECT_EQ(cache_control_for("app.js"), "no-cache");
  EXPECT_EQ(cache_control_for("app.3f9a1c2b.js"), "public, max-age=31536000, immutable");
  EXPECT_EQ(cache_control_for("page.3f9a1c2b.html"), "no-cache") << "pages always revalidate";
}

TEST(GatewayEtag, StrongFromContent) {
  const auto tag = strong_etag("hello");
  EXPECT_EQ(tag.size(), 34u);
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag, strong_etag("hello"));
  EXPECT_NE(tag, strong_etag("hello!"));
}

TEST(GatewayEtag, IfNoneMatch) {
  const std::string tag = "\"abc\"";
  EXPECT_TRUE(none_match_hits("\"abc\"", tag));
  EXPECT_TRUE(none_match_hits("\"x\", W/\"abc\"", tag)) << "weak comparison";
  EXPECT_TRUE(none_match_hits(" * ", tag));
  EXPECT_FALSE(none_match_hits("\"abd\"", tag));
  EXPECT_FALSE(none_match_hits("abc", tag));
  EXPECT_FALSE(none_match_hits("", tag));
}

}  // namespace
}  // namespace hotel::gateway::web
