#include "services/identity/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>

#include "chassis/events/envelope.hpp"
#include "chassis/service/config.hpp"
#include "services/identity/cli/offline_identity.hpp"

namespace hotel::identity::cli {

struct Commands::State {
  const service::ServiceList& services;
  OfflineOptions offline;
  std::string email;
  std::string password;
  std::string given_name;
  std::string family_name;
  std::string group;
  bool unconfirmed = false;
  bool ran = false;
  int exit_code = 0;

  // Runs `command` on the offline identity, turning failures into messages and exit codes.
  void run(const std::function<int(OfflineIdentity&)>& command) {
    ran = true;
    try {
      OfflineIdentity identity(services, offline);
      exit_code = command(identity);
    } catch (const service::ConfigError& error) {
      std::cerr << "hotel: configuration error:\n" << error.what() << "\n";
      exit_code = 2;
    } catch (const std::exception& error) {
      std::cerr << "hotel: " << error.what() << "\n";
      exit_code = 1;
    }
  }

  std::optional<domain::Group> parsed_group() const {
    if (group.empty()) return std::nullopt;
    const auto parsed = domain::parse_group(group);
    if (!parsed) throw std::invalid_argument("--group must be Admin or HotelManager");
    return parsed;
  }

  // The user with --email, or a message and nullopt.
  static std::optional<domain::User> user_by_email(OfflineIdentity& identity,
                                                   const std::string& email) {
    auto user = identity.pool().find_user(email);
    if (!user) std::cerr << "hotel: no user has the e-mail address " << email << "\n";
    return user;
  }
};

namespace {

int report(const application::PoolResult<domain::User>& result, std::string_view done) {
  if (!result) {
    const auto& error = result.error();
    std::cerr << "hotel: " << (error.field.empty() ? "" : error.field + ": ") << error.message
              << "\n";
    return 1;
  }
  std::cout << done << " " << result->email << " (" << result->id << ")\n";
  return 0;
}

std::string groups_text(const domain::User& user) {
  std::string text;
  for (const auto group : user.groups) {
    if (!text.empty()) text += ",";
    text += domain::to_string(group);
  }
  return text.empty() ? "-" : text;
}

int list_users(OfflineIdentity& identity, std::optional<domain::Group> group) {
  storage::UserQuery query;
  query.limit = 500;
  query.group = group;
  std::cout << std::left << std::setw(32) << "EMAIL" << std::setw(13) << "STATUS" << std::setw(22)
            << "GROUPS"
            << "SUB\n";
  do {
    const auto page = identity.pool().list_users(query);
    for (const auto& user : page.users) {
      std::cout << std::left << std::setw(32) << user.email << std::setw(13)
                << domain::to_string(user.status()) << std::setw(22) << groups_text(user) << user.id
                << "\n";
    }
    query.after = page.next_cursor;
  } while (!query.after.empty());
  return 0;
}

void add_offline_options(CLI::App* command, OfflineOptions& offline) {
  command->add_option("--data-dir", offline.data_dir, "Data directory (overrides data_dir)");
  command->add_option("-c,--config", offline.config_file, "JSON configuration file")
      ->check(CLI::ExistingFile);
}

}  // namespace

Commands::Commands(CLI::App& app, const service::ServiceList& services)
    : state_(std::make_unique<State>(State{.services = services})) {
  State& s = *state_;
  auto* users = app.add_subcommand("users", "Manage the identity user pool (offline)");
  users->require_subcommand(1);
  users->fallthrough();  // so that --data-dir may follow the leaf command (inherited)
  add_offline_options(users, s.offline);

  auto* add = users->add_subcommand("add", "Create a confirmed user");
  add->add_option("--email", s.email, "E-mail address (the username)")->required();
  add->add_option("--password", s.password, "Password (the pool's policy applies)")->required();
  add->add_option("--given-name", s.given_name, "Given name (default: the e-mail's local part)");
  add->add_option("--family-name", s.family_name, "Family name")->default_val("User");
  add->add_option("--group", s.group, "Admin or HotelManager (default: a customer)");
  add->add_flag("--unconfirmed", s.unconfirmed, "Send a sign-up code instead of confirming");
  add->callback([&s] {
    s.run([&s](OfflineIdentity& identity) {
      const std::string given =
          s.given_name.empty() ? s.email.substr(0, s.email.find('@')) : s.given_name;
      return report(identity.pool().admin_create_user({.email = s.email,
                                                       .password = s.password,
                                                       .attributes = {given, s.family_name, "", ""},
                                                       .group = s.parsed_group(),
                                                       .confirmed = !s.unconfirmed,
                                                       .traceparent = {}}),
                    "created");
    });
  });

  auto* list = users->add_subcommand("list", "List the users in e-mail order");
  list->add_option("--group", s.group, "Only members of Admin or HotelManager");
  list->callback([&s] {
    s.run([&s](OfflineIdentity& identity) { return list_users(identity, s.parsed_group()); });
  });

  for (const bool enabled : {false, true}) {
    auto* toggle = users->add_subcommand(
        enabled ? "enable" : "disable",
        enabled ? "Enable a user" : "Disable a user (revokes its refresh tokens)");
    toggle->add_option("--email", s.email, "E-mail address")->required();
    toggle->callback([&s, enabled] {
      s.run([&s, enabled](OfflineIdentity& identity) {
        const auto user = State::user_by_email(identity, s.email);
        if (!user) return 1;
        return report(identity.pool().set_enabled(user->id, enabled),
                      enabled ? "enabled" : "disabled");
      });
    });
  }

  auto* group = users->add_subcommand("group", "Add a user to a group or remove it");
  group->require_subcommand(1);
  group->fallthrough();
  for (const bool adding : {true, false}) {
    auto* change = group->add_subcommand(adding ? "add" : "remove",
                                         adding ? "Add to a group" : "Remove from a group");
    change->add_option("--email", s.email, "E-mail address")->required();
    change->add_option("--group", s.group, "Admin or HotelManager")->required();
    change->callback([&s, adding] {
      s.run([&s, adding](OfflineIdentity& identity) {
        const auto user = State::user_by_email(identity, s.email);
        if (!user) return 1;
        const auto group_value = *s.parsed_group();
        return report(adding ? identity.pool().add_to_group(user->id, group_value)
                             : identity.pool().remove_from_group(user->id, group_value),
                      adding ? "added to " + s.group + ":" : "removed from " + s.group + ":");
      });
    });
  }

  auto* keys = app.add_subcommand("keys", "Manage the identity signing keys (offline)");
  keys->require_subcommand(1);
  keys->fallthrough();
  add_offline_options(keys, s.offline);
  keys->add_subcommand("rotate",
                       "Make a new signing key (published at once, signing after "
                       "identity.key_activation_delay)")
      ->callback([&s] {
        s.run([](OfflineIdentity& identity) {
          const auto key = identity.keys().rotate();
          std::cout << "new signing key " << key.kid << ", created "
                    << events::format_rfc3339(key.created_at) << ", signs from "
                    << events::format_rfc3339(key.created_at +
                                              identity.settings().signing.activation_delay)
                    << "\n";
          return 0;
        });
      });
  keys->add_subcommand("list", "List the published signing keys")->callback([&s] {
    s.run([](OfflineIdentity& identity) {
      for (const auto& material : identity.keys().published()) {
        const auto& key = material.key;
        std::cout << key.kid << "  created " << events::format_rfc3339(key.created_at)
                  << (key.retired_at ? "  retired " + events::format_rfc3339(*key.retired_at)
                                     : std::string("  active"))
                  << "\n";
      }
      return 0;
    });
  });
}

Commands::~Commands() = default;

bool Commands::ran() const { return state_->ran; }
int Commands::exit_code() const { return state_->exit_code; }

}  // namespace hotel::identity::cli
