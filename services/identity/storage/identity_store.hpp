// The identity service's storage port: a unit of work over all its repositories plus the outbox.
// Everything a use case reads, decides and writes inside one write() commits together with the
// events it published, or not at all. Implementations: SQLite now (sqlite_identity_store.hpp).
#pragma once

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "chassis/events/outbox.hpp"
#include "services/identity/storage/client_repository.hpp"
#include "services/identity/storage/key_repository.hpp"
#include "services/identity/storage/session_repository.hpp"
#include "services/identity/storage/throttle_repository.hpp"
#include "services/identity/storage/token_repository.hpp"
#include "services/identity/storage/user_repository.hpp"

namespace hotel::identity::storage {

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;

  virtual UserRepository& users() = 0;
  virtual ThrottleRepository& throttle() = 0;
  virtual TokenRepository& tokens() = 0;
  virtual ClientRepository& clients() = 0;
  virtual KeyRepository& keys() = 0;
  virtual SessionRepository& sessions() = 0;
  // Appends an event to the outbox; it is published when, and only if, this unit of work commits.
  // Throws std::logic_error in a read.
  virtual void publish(events::NewEvent event) = 0;
};

class IdentityStore {
 public:
  virtual ~IdentityStore() = default;

  // Runs f(UnitOfWork&) in one write transaction and returns f's result. An exception from f
  // rolls everything back (events included) and propagates. Blocking.
  template <class F>
  std::invoke_result_t<F&, UnitOfWork&> write(F f) {
    return run(f, [this](const Body& body) { run_write(body); });
  }
  // Runs f(UnitOfWork&) on one consistent read-only snapshot. Blocking.
  template <class F>
  std::invoke_result_t<F&, UnitOfWork&> read(F f) const {
    return run(f, [this](const Body& body) { run_read(body); });
  }

 protected:
  using Body = std::function<void(UnitOfWork&)>;
  virtual void run_write(const Body& body) = 0;
  virtual void run_read(const Body& body) const = 0;

 private:
  template <class F, class Runner>
  static std::invoke_result_t<F&, UnitOfWork&> run(F& f, const Runner& runner) {
    using R = std::invoke_result_t<F&, UnitOfWork&>;
    if constexpr (std::is_void_v<R>) {
      runner([&](UnitOfWork& work) { f(work); });
    } else {
      std::optional<R> result;
      runner([&](UnitOfWork& work) { result.emplace(f(work)); });
      return std::move(*result);
    }
  }
};

}  // namespace hotel::identity::storage
