#include "chassis/blob/fs_blob_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::blob {
namespace {

TEST(BlobKeyTest, AcceptsGeneratedShapesOnly) {
  EXPECT_TRUE(valid_key("photos/abc/1f2e.jpg"));
  EXPECT_TRUE(valid_key("a"));
  EXPECT_TRUE(valid_key("x/.hidden-ok"));
  for (const char* bad : {"", "/abs", "a//b", "a/", "../etc/passwd", "a/../b", "a/./b", "..", "A/b",
                          "a b", "a\\b", "a/b\n", "caf\xc3\xa9"}) {
    EXPECT_FALSE(valid_key(bad)) << bad;
  }
  EXPECT_FALSE(valid_key(std::string(513, 'a')));
}

class BlobFsStoreTest : public ::testing::Test {
 protected:
  store::testing::TempDir dir_;
  FsBlobStore store_{dir_.path() / "blobs"};
};

TEST_F(BlobFsStoreTest, PutGetExistsRemove) {
  const std::string bytes("\x89PNG\r\n\x1a\n\0\0binary\nwith newlines", 29);
  store_.put("photos/h1/p1", bytes, "image/png");
  EXPECT_TRUE(store_.exists("photos/h1/p1"));
  const auto blob = store_.get("photos/h1/p1");
  ASSERT_TRUE(blob);
  EXPECT_EQ(blob->bytes, bytes);
  EXPECT_EQ(blob->content_type, "image/png");
  EXPECT_TRUE(store_.remove("photos/h1/p1"));
  EXPECT_FALSE(store_.remove("photos/h1/p1"));
  EXPECT_FALSE(store_.exists("photos/h1/p1"));
  EXPECT_FALSE(store_.get("photos/h1/p1"));
}

TEST_F(BlobFsStoreTest, EmptyBlobRoundTrips) {
  store_.put("empty", "", "application/octet-stream");
  const auto blob = store_.get("empty");
  ASSERT_TRUE(blob);
  EXPECT_EQ(blob->bytes, "");
  EXPECT_EQ(blob->content_type, "application/octet-stream");
}

TEST_F(BlobFsStoreTest, ReplaceLeavesNoTemporaryFiles) {
  store_.put("k/v", "one", "text/plain");
  store_.put("k/v", "two", "text/plain");
  EXPECT_EQ(store_.get("k/v")->bytes, "two");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(store_.root() / "k")) {
    EXPECT_EQ(entry.path().filename(), "v");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(BlobFsStoreTest, RefusesKeysOutsideItsRoot) {
  EXPECT_THROW(store_.put("../escape", "x", "text/plain"), InvalidKey);
  EXPECT_THROW(store_.get("/etc/passwd"), InvalidKey);
  EXPECT_THROW(store_.remove("a/../../b"), InvalidKey);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "escape"));
}

TEST_F(BlobFsStoreTest, RefusesContentTypesThatWouldBreakTheHeader) {
  EXPECT_THROW(store_.put("k", "x", "image/png\nevil"), std::invalid_argument);
  EXPECT_THROW(store_.put("k", "x", ""), std::invalid_argument);
  EXPECT_FALSE(store_.exists("k"));
}

TEST_F(BlobFsStoreTest, ConcurrentReadersSeeWholeBlobs) {
  const std::string a(200'000, 'a');
  const std::string b(300'000, 'b');
  store_.put("race", a, "text/plain");
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::thread reader([&] {
    while (!done) {
      const auto blob = store_.get("race");
      if (!blob || (blob->bytes != a && blob->bytes != b)) ++torn;
    }
  });
  for (int i = 0; i < 20; ++i) store_.put("race", i % 2 ? a : b, "text/plain");
  done = true;
  reader.join();
  EXPECT_EQ(torn.load(), 0);
}

}  // namespace
}  // namespace hotel::blob
