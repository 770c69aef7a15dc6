#include "chassis/store/database.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::store {
namespace {

constexpr const char* kCreateCounter =
    "CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)";
constexpr const char* kSeedCounter = "INSERT INTO counter (id, value) VALUES (1, 0)";
constexpr const char* kReadCounter = "SELECT value FROM counter WHERE id = 1";
constexpr const char* kBumpCounter = "UPDATE counter SET value = value + 1 WHERE id = 1";

class DatabaseTest : public ::testing::Test {
 protected:
  DatabaseTest() : db_({.path = dir_.file("test.db"), .readers = 2}) {
    db_.write([](Transaction& tx) {
      tx.db().exec(kCreateCounter);
      tx.db().exec(kSeedCounter);
    });
  }
  int counter() const {
    return db_.read([](SQLite::Database& conn) { return conn.execAndGet(kReadCounter).getInt(); });
  }

  testing::TempDir dir_;
  Database db_;
};

TEST_F(DatabaseTest, WriteReturnsTheCallbacksResultAndCommits) {
  const int changed = db_.write([](Transaction& tx) { return tx.db().exec(kBumpCounter); });
  EXPECT_EQ(changed, 1);
  EXPECT_EQ(counter(), 1);
}

TEST_F(DatabaseTest, ExceptionRollsBackAndPropagates) {
  EXPECT_THROW(db_.write([](Transaction& tx) {
    tx.db().exec(kBumpCounter);
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(counter(), 0);
  // The writer is usable again afterwards.
  db_.write([](Transaction& tx) { tx.db().exec(kBumpCounter); });
  EXPECT_EQ(counter(), 1);
}

TEST_F(DatabaseTest, OnCommitRunsOnlyAfterCommit) {
  int committed = 0;
  db_.write([&](Transaction& tx) {
    tx.on_commit([&] { ++committed; });
    tx.db().exec(kBumpCounter);
    EXPECT_EQ(committed, 0);  // not yet: still inside the transaction
  });
  EXPECT_EQ(committed, 1);

  EXPECT_THROW(db_.write([&](Transaction& tx) {
    tx.on_commit([&] { ++committed; });
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_EQ(committed, 1);
}

TEST_F(DatabaseTest, OnCommitHookSeesTheCommittedData) {
  int seen = -1;
  db_.write([&](Transaction& tx) {
    tx.db().exec(kBumpCounter);
    tx.on_commit([&] { seen = counter(); });
  });
  EXPECT_EQ(seen, 1);
}

TEST_F(DatabaseTest, ThrowingHookIsCountedAndTheCommitStands) {
  int later = 0;
  db_.write([&](Transaction& tx) {
    tx.db().exec(kBumpCounter);
    tx.on_commit([] { throw std::runtime_error("bad hook"); });
    tx.on_commit([&] { ++later; });
  });
  EXPECT_EQ(counter(), 1);
  EXPECT_EQ(later, 1);
  EXPECT_EQ(db_.failed_hooks(), 1u);
}

TEST_F(DatabaseTest, ConcurrentWritersLoseNoUpdates) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        // Read-modify-write in the application, not in SQL: only serialised writers keep it exact.
        db_.write([](Transaction& tx) {
          const int value = tx.db().execAndGet(kReadCounter).getInt();
          SQLite::Statement update(tx.db(), "UPDATE counter SET value = ? WHERE id = 1");
          update.bind(1, value + 1);
          update.exec();
        });
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(counter(), kThreads * kPerThread);
}

TEST_F(DatabaseTest, ReadersSeeCommittedDataOnly) {
  db_.write([&](Transaction& tx) {
    tx.db().exec(kBumpCounter);
    EXPECT_EQ(counter(), 0);  // a reader does not see the open transaction
  });
  EXPECT_EQ(counter(), 1);
}

TEST_F(DatabaseTest, ReadIsOneSnapshot) {
  db_.read([&](SQLite::Database& conn) {
    const int before = conn.execAndGet(kReadCounter).getInt();
    db_.write([](Transaction& tx) { tx.db().exec(kBumpCounter); });
    EXPECT_EQ(conn.execAndGet(kReadCounter).getInt(), before);
  });
  EXPECT_EQ(counter(), 1);
}

TEST_F(DatabaseTest, ReadConnectionsAreReadOnly) {
  EXPECT_THROW(db_.read([](SQLite::Database& conn) { conn.exec(kBumpCounter); }),
               SQLite::Exception);
}

TEST_F(DatabaseTest, NestedWriteOnTheSameThreadIsRefused) {
  EXPECT_THROW(db_.write([&](Transaction&) { db_.write([](Transaction&) {}); }), std::logic_error);
  EXPECT_NO_THROW(db_.write([](Transaction& tx) { tx.db().exec(kBumpCounter); }));
}

TEST_F(DatabaseTest, SynchronousFollowsTheOptions) {
  Database full({.path = dir_.file("full.db"), .synchronous = Synchronous::kFull});
  const int level =
      full.write([](Transaction& tx) { return tx.db().execAndGet("PRAGMA synchronous").getInt(); });
  EXPECT_EQ(level, 2);  // FULL
  const auto mode = full.read(
      [](SQLite::Database& conn) { return conn.execAndGet("PRAGMA journal_mode").getString(); });
  EXPECT_EQ(mode, "wal");
}

TEST_F(DatabaseTest, ReadersMapTheFileWhenAsked) {
  Database mapped({.path = dir_.file("mapped.db"), .reader_mmap_bytes = 1 << 20});
  const auto size = mapped.read(
      [](SQLite::Database& conn) { return conn.execAndGet("PRAGMA mmap_size").getInt64(); });
  EXPECT_EQ(size, 1 << 20);
}

TEST_F(DatabaseTest, AsyncFormsRunOnTheWorkerPool) {
  core::Runtime runtime(1, 1);
  runtime.start();
  auto task = [&]() -> boost::asio::awaitable<int> {
    co_await db_.write_async(runtime, [](Transaction& tx) { tx.db().exec(kBumpCounter); });
    const int changed = co_await db_.write_async(
        runtime, [](Transaction& tx) { return tx.db().exec(kBumpCounter); });
    co_return changed + co_await db_.read_async(runtime, [](SQLite::Database& conn) {
      return conn.execAndGet(kReadCounter).getInt();
    });
  };
  EXPECT_EQ(boost::asio::co_spawn(runtime.io(), task, boost::asio::use_future).get(), 1 + 2);
  runtime.stop();
}

}  // namespace
}  // namespace hotel::store
