// One SQLite database file: exactly one writer connection (serialised by a mutex, every write in
// BEGIN IMMEDIATE ... COMMIT) plus a small pool of read-only connections, each read in a deferred
// transaction so that it sees one consistent snapshot. WAL mode lets readers run beside the writer.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/asio/awaitable.hpp>

#include "chassis/core/runtime.hpp"

namespace hotel::store {

// PRAGMA synchronous: kFull for money and bookings (a commit survives power loss), kNormal
// otherwise (a commit survives a process crash; the last ones may be lost on power loss).
enum class Synchronous { kNormal, kFull };

struct DatabaseOptions {
  std::string path;  // the database file; created when missing
  Synchronous synchronous = Synchronous::kNormal;
  std::size_t readers = 4;  // read-only connections in the pool (at least 1)
  std::chrono::milliseconds busy_timeout{5'000};
  // PRAGMA mmap_size of the readers (0: none, SQLite's default): a large read-mostly file read
  // through the page cache costs a read() and a copy per page that misses SQLite's small cache.
  std::int64_t reader_mmap_bytes = 0;
};

// The writer's unit of work, handed to Database::write's callback.
class Transaction {
 public:
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  SQLite::Database& db() { return db_; }
  // Runs `hook` after the transaction commits (never when it rolls back), outside the writer
  // lock, in registration order. Hooks must not throw; one that does is counted and skipped.
  void on_commit(std::function<void()> hook) { hooks_.push_back(std::move(hook)); }

 private:
  friend class Database;
  explicit Transaction(SQLite::Database& db) : db_(db) {}
  SQLite::Database& db_;
  std::vector<std::function<void()>> hooks_;
};

class Database {
 public:
  explicit Database(DatabaseOptions options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const DatabaseOptions& options() const { return options_; }

  // Runs f(Transaction&) inside BEGIN IMMEDIATE ... COMMIT on the writer connection and returns
  // f's result. An exception from f (or from COMMIT) rolls back and propagates. Blocking: call it
  // from a worker thread, or use write_async from a coroutine. Calling write from inside f throws
  // std::logic_error (it would deadlock).
  template <class F>
  std::invoke_result_t<F&, Transaction&> write(F f) {
    using R = std::invoke_result_t<F&, Transaction&>;
    if constexpr (std::is_void_v<R>) {
      run_write([&](Transaction& tx) { f(tx); });
    } else {
      std::optional<R> result;
      run_write([&](Transaction& tx) { result.emplace(f(tx)); });
      return std::move(*result);
    }
  }

  // Runs f(SQLite::Database&) on a read-only connection inside a deferred read transaction (one
  // consistent snapshot for all of f's queries). Waits for a free connection when all are busy.
  template <class F>
  std::invoke_result_t<F&, SQLite::Database&> read(F f) const {
    using R = std::invoke_result_t<F&, SQLite::Database&>;
    if constexpr (std::is_void_v<R>) {
      run_read([&](SQLite::Database& db) { f(db); });
    } else {
      std::optional<R> result;
      run_read([&](SQLite::Database& db) { result.emplace(f(db)); });
      return std::move(*result);
    }
  }

  // Coroutine forms: run write / read on the runtime's worker pool and resume on the caller's
  // executor. `f` lives in the coroutine frame until the work is done.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&, Transaction&>> write_async(core::Runtime& runtime,
                                                                             F f) {
    co_return co_await runtime.call([this, &f] { return write(std::ref(f)); });
  }
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&, SQLite::Database&>> read_async(
      core::Runtime& runtime, F f) const {
    co_return co_await runtime.call([this, &f] { return read(std::ref(f)); });
  }

  // Commit hooks that threw (they are skipped; the commit stands).
  std::size_t failed_hooks() const { return failed_hooks_.load(); }

 private:
  void run_write(const std::function<void(Transaction&)>& body);
  void run_read(const std::function<void(SQLite::Database&)>& body) const;

  DatabaseOptions options_;
  std::unique_ptr<SQLite::Database> writer_;
  std::mutex writer_mutex_;
  std::atomic<std::thread::id> writer_thread_{};

  mutable std::mutex readers_mutex_;
  mutable std::condition_variable reader_freed_;
  std::vector<std::unique_ptr<SQLite::Database>> readers_;
  mutable std::vector<SQLite::Database*> free_readers_;

  std::atomic<std::size_t> failed_hooks_{0};
};

}  // namespace hotel::store
