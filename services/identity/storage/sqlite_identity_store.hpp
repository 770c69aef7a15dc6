// IdentityStore on the service's SQLite database and outbox.
#pragma once

#include "chassis/events/outbox.hpp"
#include "chassis/store/database.hpp"
#include "services/identity/storage/identity_store.hpp"

namespace hotel::identity::storage {

class SqliteIdentityStore final : public IdentityStore {
 public:
  // `outbox` must write to `db`. Both outlive the store.
  SqliteIdentityStore(store::Database& db, events::Outbox& outbox) : db_(db), outbox_(outbox) {}

 protected:
  void run_write(const Body& body) override;
  void run_read(const Body& body) const override;

 private:
  store::Database& db_;
  events::Outbox& outbox_;
};

}  // namespace hotel::identity::storage
