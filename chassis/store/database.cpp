#include "chassis/store/database.hpp"

#include <stdexcept>

namespace hotel::store {
namespace {

constexpr const char* kBeginImmediate = "BEGIN IMMEDIATE";
constexpr const char* kBeginDeferred = "BEGIN DEFERRED";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";

const char* synchronous_pragma(Synchronous synchronous) {
  return synchronous == Synchronous::kFull ? "PRAGMA synchronous = FULL"
                                           : "PRAGMA synchronous = NORMAL";
}

// Rolls back what is open; used while an exception is already propagating, so it never throws.
void rollback_quietly(SQLite::Database& db) noexcept {
  try {
    db.exec(kRollback);
  } catch (
      ...) {  // NOLINT(bugprone-empty-catch): no transaction was open, or the connection is gone
  }
}

}  // namespace

Database::Database(DatabaseOptions options) : options_(std::move(options)) {
  if (options_.path.empty()) throw std::invalid_argument("Database: empty path");
  const int busy_ms = static_cast<int>(options_.busy_timeout.count());
  writer_ = std::make_unique<SQLite::Database>(
      options_.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_ms);
  // WAL is a property of the file; the readers opened below find it already set.
  writer_->exec("PRAGMA journal_mode = WAL");
  writer_->exec(synchronous_pragma(options_.synchronous));
  writer_->exec("PRAGMA foreign_keys = ON");

  const std::size_t count = options_.readers == 0 ? 1 : options_.readers;
  for (std::size_t i = 0; i < count; ++i) {
    readers_.push_back(
        std::make_unique<SQLite::Database>(options_.path, SQLite::OPEN_READONLY, busy_ms));
    readers_.back()->exec("PRAGMA foreign_keys = ON");
    if (options_.reader_mmap_bytes > 0) {
      readers_.back()->exec("PRAGMA mmap_size = " + std::to_string(options_.reader_mmap_bytes));
    }
    free_readers_.push_back(readers_.back().get());
  }
}

Database::~Database() = default;

void Database::run_write(const std::function<void(Transaction&)>& body) {
  if (writer_thread_.load() == std::this_thread::get_id()) {
    throw std::logic_error("Database::write called inside a write on the same thread");
  }
  std::vector<std::function<void()>> hooks;
  {
    std::lock_guard lock(writer_mutex_);
    writer_thread_.store(std::this_thread::get_id());
    struct ClearOwner {
      std::atomic<std::thread::id>& owner;
      ~ClearOwner() { owner.store(std::thread::id{}); }
    } clear_owner{writer_thread_};

    Transaction tx(*writer_);
    writer_->exec(kBeginImmediate);
    try {
      body(tx);
      writer_->exec(kCommit);
    } catch (...) {
      rollback_quietly(*writer_);
      throw;
    }
    hooks = std::move(tx.hooks_);
  }
  for (auto& hook : hooks) {
    try {
      hook();
    } catch (...) {
      failed_hooks_.fetch_add(1);
    }
  }
}

void Database::run_read(const std::function<void(SQLite::Database&)>& body) const {
  SQLite::Database* db = nullptr;
  {
    std::unique_lock lock(readers_mutex_);
    reader_freed_.wait(lock, [&] { return !free_readers_.empty(); });
    db = free_readers_.back();
    free_readers_.pop_back();
  }
  struct GiveBack {
    const Database& self;
    SQLite::Database* db;
    ~GiveBack() {
      {
        std::lock_guard lock(self.readers_mutex_);
        self.free_readers_.push_back(db);
      }
      self.reader_freed_.notify_one();
    }
  } give_back{*this, db};

  db->exec(kBeginDeferred);
  try {
    body(*db);
    db->exec(kCommit);
  } catch (...) {
    rollback_quietly(*db);
    throw;
  }
}

}  // namespace hotel::store
