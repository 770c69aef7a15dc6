#include "services/identity/storage/sqlite_identity_store.hpp"

#include <stdexcept>

#include "services/identity/storage/sqlite_client_repository.hpp"
#include "services/identity/storage/sqlite_session_repository.hpp"
#include "services/identity/storage/sqlite_throttle_repository.hpp"
#include "services/identity/storage/sqlite_token_repository.hpp"
#include "services/identity/storage/sqlite_user_repository.hpp"

namespace hotel::identity::storage {
namespace {

// The repositories bound to one connection; `tx` is null in a read.
class SqliteUnitOfWork final : public UnitOfWork {
 public:
  SqliteUnitOfWork(SQLite::Database& db, store::Transaction* tx, events::Outbox& outbox)
      : tx_(tx),
        outbox_(outbox),
        users_(db),
        throttle_(db),
        tokens_(db),
        clients_(db),
        keys_(db),
        sessions_(db) {}

  UserRepository& users() override { return users_; }
  ThrottleRepository& throttle() override { return throttle_; }
  TokenRepository& tokens() override { return tokens_; }
  ClientRepository& clients() override { return clients_; }
  KeyRepository& keys() override { return keys_; }
  SessionRepository& sessions() override { return sessions_; }
  void publish(events::NewEvent event) override {
    if (tx_ == nullptr) throw std::logic_error("IdentityStore: publish inside a read");
    outbox_.append(*tx_, std::move(event));
  }

 private:
  store::Transaction* tx_;
  events::Outbox& outbox_;
  SqliteUserRepository users_;
  SqliteThrottleRepository throttle_;
  SqliteTokenRepository tokens_;
  SqliteClientRepository clients_;
  SqliteKeyRepository keys_;
  SqliteSessionRepository sessions_;
};

}  // namespace

void SqliteIdentityStore::run_write(const Body& body) {
  db_.write([&](store::Transaction& tx) {
    SqliteUnitOfWork work(tx.db(), &tx, outbox_);
    body(work);
  });
}

void SqliteIdentityStore::run_read(const Body& body) const {
  db_.read([&](SQLite::Database& conn) {
    SqliteUnitOfWork work(conn, nullptr, outbox_);
    body(work);
  });
}

}  // namespace hotel::identity::storage
