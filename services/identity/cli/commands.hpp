// The identity administration commands of the `hotel` binary, working offline on the identity
// database and secrets store (also while the service runs):
//   hotel users add --email E --password P [--given-name G] [--family-name F]
//                   [--group Admin|HotelManager] [--unconfirmed]
//   hotel users list [--group G]
//   hotel users disable --email E        hotel users enable --email E
//   hotel users group add --email E --group G
//   hotel users group remove --email E --group G
//   hotel keys rotate                    hotel keys list
// Each takes --data-dir D and --config C like `hotel serve`.
#pragma once

#include <memory>

namespace CLI {
class App;
}
namespace hotel::service {
class ServiceList;
}

namespace hotel::identity::cli {

class Commands {
 public:
  // Adds the `users` and `keys` subcommands to `app`. Both outlive this object.
  Commands(CLI::App& app, const service::ServiceList& services);
  ~Commands();
  Commands(const Commands&) = delete;
  Commands& operator=(const Commands&) = delete;

  // Whether one of these commands ran (during parsing), and its exit code: 0, 1 when the
  // command failed, 2 for a configuration error.
  bool ran() const;
  int exit_code() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hotel::identity::cli
